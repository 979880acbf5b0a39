import { and, asc, eq, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import { type AssetFilters, filterConditions } from "./assets";
import type { Database } from "./client";
import { assetEventsStatement } from "./outbox";
import { assets, type StorageDeletionRow, storageDeletions } from "./schema";

// SQLite accepts at most 100 bound parameters per statement on D1.
const KEYS_PER_STATEMENT = 90;
const MAX_RETRY_DELAY_MS = 24 * 3600 * 1000;

export interface RetireOptions {
  /** Retire only the first `limit` matches in this order; the rest wait for the next batch. */
  limit?: number;
  orderBy?: SQL;
  /** When the owed deletions become due; the cleanup job passes its scheduled time. */
  now?: Date;
  /** Reports the ready assets among them to webhooks, in the same batch. */
  event?: "asset.deleted" | "asset.expired";
}

export interface Retired {
  removed: number;
  /** The outbox events written with the change, to publish once it is committed. */
  eventIds: string[];
}

/**
 * Removes the matching asset rows and records the storage work they leave behind, in one
 * transaction: the assets disappear at once, and no object can be forgotten if storage is
 * down or the request dies. With `event`, the outbox rows reporting them commit in the same batch.
 */
export async function retireAssets(db: Database, conditions: SQL[], options: RetireOptions = {}): Promise<Retired> {
  // An empty condition list would match every asset of every workspace.
  if (conditions.length === 0) throw new Error("retireAssets needs at least one condition");
  const where = and(...conditions);
  const now = (options.now ?? new Date()).toISOString();
  const chosen =
    options.limit === undefined
      ? where
      : inArray(
          assets.id,
          db
            .select({ id: assets.id })
            .from(assets)
            .where(where)
            .orderBy(options.orderBy ?? asc(assets.id))
            .limit(options.limit),
        );
  const owe = db
    .insert(storageDeletions)
    .select(
      db
        .select({
          storageKey: assets.storageKey,
          uploadId: assets.uploadId,
          attempts: sql`0`.as("attempts"),
          lastError: sql`NULL`.as("last_error"),
          nextAttemptAt: sql`${now}`.as("next_attempt_at"),
          createdAt: sql`${now}`.as("created_at"),
        })
        .from(assets)
        .where(chosen),
    )
    .onConflictDoNothing();
  // Counted from the rows returned: D1's `changes` also counts the rows the hourly-count triggers touch.
  const remove = db.delete(assets).where(chosen).returning({ id: assets.id });
  if (!options.event) {
    const [, removed] = await db.batch([owe, remove]);
    return { removed: removed.length, eventIds: [] };
  }
  // Only ready assets were ever reported created; the events read the rows before the delete.
  const report = assetEventsStatement(db, options.event, [chosen, eq(assets.status, "ready")], { now: options.now });
  const [, events, removed] = await db.batch([owe, report, remove]);
  return { removed: removed.length, eventIds: events.map((event) => event.id) };
}

/** Retires every asset of the workspace matching the listing filters, pending uploads included. */
export function retireMatchingAssets(db: Database, workspaceId: string, filters: AssetFilters): Promise<Retired> {
  const conditions = filterConditions(workspaceId, filters);
  // Naming both statuses keeps SQLite on the (workspace, status, filter, id) indexes.
  return retireAssets(db, [...conditions, inArray(assets.status, ["pending", "ready"])], { event: "asset.deleted" });
}

/** A fresh owed deletion, due now. */
export function owedDeletion(storageKey: string, uploadId: string | null, lastError: string | null = null) {
  const now = new Date().toISOString();
  return {
    storageKey,
    uploadId,
    attempts: 0,
    lastError,
    nextAttemptAt: now,
    createdAt: now,
  } satisfies StorageDeletionRow;
}

/** Records storage work left by a failed write that never became an asset, and returns it. */
export async function oweDeletion(db: Database, storageKey: string, uploadId: string | null, reason: string) {
  const row = owedDeletion(storageKey, uploadId, reason);
  await db.insert(storageDeletions).values(row).onConflictDoNothing();
  return row;
}

/** A prefix is a key range: every key of a workspace sorts between "ws/" and "ws0". */
export function keysUnder(prefix: string): SQL {
  return and(gte(storageDeletions.storageKey, `${prefix}/`), lt(storageDeletions.storageKey, `${prefix}0`)) as SQL;
}

/** Owed deletions whose next attempt is due, oldest first; optionally only under one key prefix. */
export async function dueDeletions(
  db: Database,
  limit: number,
  options: { prefix?: string; now?: Date } = {},
): Promise<StorageDeletionRow[]> {
  const { prefix, now = new Date() } = options;
  const due = lte(storageDeletions.nextAttemptAt, now.toISOString());
  const scope = prefix ? and(due, keysUnder(prefix)) : due;
  return db.select().from(storageDeletions).where(scope).orderBy(asc(storageDeletions.nextAttemptAt)).limit(limit);
}

export async function confirmDeletions(db: Database, keys: string[]) {
  for (let start = 0; start < keys.length; start += KEYS_PER_STATEMENT) {
    const chunk = keys.slice(start, start + KEYS_PER_STATEMENT);
    await db.delete(storageDeletions).where(inArray(storageDeletions.storageKey, chunk));
  }
}

/**
 * Keeps deleted keys owed until a presigned PUT can no longer write them: the next attempt comes
 * when the URL has expired, and deletes whatever a late PUT put back. No error: storage confirmed.
 */
export async function holdDeletions(db: Database, held: { storageKey: string; until: Date }[]) {
  if (held.length === 0) return;
  const updates = held.map(({ storageKey, until }) =>
    db
      .update(storageDeletions)
      .set({ lastError: null, nextAttemptAt: until.toISOString() })
      .where(eq(storageDeletions.storageKey, storageKey)),
  );
  await db.batch(updates as [(typeof updates)[number], ...typeof updates]);
}

/** Backs off exponentially (1, 2, 4 … minutes, at most a day) so a broken key never crowds out the rest. */
export async function deferDeletions(
  db: Database,
  failures: { row: StorageDeletionRow; reason: string }[],
  at = new Date(),
) {
  if (failures.length === 0) return;
  const now = at.getTime();
  const updates = failures.map(({ row, reason }) => {
    const delay = Math.min(2 ** row.attempts * 60_000, MAX_RETRY_DELAY_MS);
    return db
      .update(storageDeletions)
      .set({
        attempts: row.attempts + 1,
        lastError: reason.slice(0, 500),
        nextAttemptAt: new Date(now + delay).toISOString(),
      })
      .where(eq(storageDeletions.storageKey, row.storageKey));
  });
  await db.batch(updates as [(typeof updates)[number], ...typeof updates]);
}
