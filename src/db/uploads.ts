import { and, eq } from "drizzle-orm";
import type { Database } from "./client";
import { assetEventsStatement } from "./outbox";
import { type AssetRow, assets, type NewAssetRow } from "./schema";

/**
 * Flips a pending asset to ready (`ready` is null when it is not pending any more, or gone), with
 * the outbox event reporting it in the same batch. The event is read before the update, from the
 * row still pending (with the values the update sets), so a repeated call can never report it twice.
 */
export async function markAssetReady(db: Database, row: AssetRow) {
  const pending = [eq(assets.workspaceId, row.workspaceId), eq(assets.id, row.id), eq(assets.status, "pending")];
  const now = new Date();
  const after = { status: "ready", updatedAt: now.toISOString() } as const;
  const [events, [ready]] = await db.batch([
    assetEventsStatement(db, "asset.created", pending, { now, after }),
    db
      .update(assets)
      .set({ ...after, uploadId: null, partSize: null })
      .where(and(...pending))
      .returning(),
  ]);
  return { ready: ready ?? null, eventIds: events.map((event) => event.id) };
}

/** Inserts a ready asset and, in the same batch, the outbox event reporting it to webhooks. */
export async function insertReadyAsset(db: Database, row: NewAssetRow) {
  const [[inserted], events] = await db.batch([
    db
      .insert(assets)
      .values({ ...row, updatedAt: row.updatedAt ?? row.createdAt })
      .returning(),
    assetEventsStatement(db, "asset.created", [eq(assets.id, row.id), eq(assets.status, "ready")]),
  ]);
  if (!inserted) throw new Error("the asset insert returned no row");
  return { row: inserted, eventIds: events.map((event) => event.id) };
}
