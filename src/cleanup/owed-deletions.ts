import type { StorageDeletionRow } from "../db/schema";
import { confirmDeletions, deferDeletions, dueDeletions, holdDeletions } from "../db/storage-deletions";
import { ApiError } from "../errors";
import type { Services } from "../services";
import { deleteObjects } from "../storage/batch-delete";
import { abortMultipartUpload } from "../storage/multipart";
import { writableUntil } from "./late-writes";

export interface FlushResult {
  /** Objects storage confirmed deleted (held keys included: kept owed until their upload URL has expired). */
  confirmed: number;
  /** Not confirmed (refused, or no clear answer): retried later with backoff. */
  failed: number;
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} ${JSON.stringify(error.details ?? {})}`;
  throw error;
}

/**
 * Carries out owed storage deletions: aborts unfinished multipart uploads, then deletes the
 * objects. A row is removed only once storage confirms both and no presigned PUT can write the
 * key again; anything else is retried later.
 */
export async function flushDeletions(
  { config, db, storage }: Services,
  rows: StorageDeletionRow[],
  now = new Date(),
): Promise<FlushResult> {
  const failures: { row: StorageDeletionRow; reason: string }[] = [];
  const aborted = await Promise.all(
    rows.map(async (row) => {
      if (!row.uploadId) return row;
      try {
        await abortMultipartUpload(storage, row.storageKey, row.uploadId);
        return row;
      } catch (error) {
        failures.push({ row, reason: reasonOf(error) });
        return null;
      }
    }),
  );
  const deletable = aborted.filter((row): row is StorageDeletionRow => row !== null);
  const failedKeys = await deleteObjects(
    storage,
    deletable.map((row) => row.storageKey),
  );
  for (const row of deletable) {
    const reason = failedKeys.get(row.storageKey);
    if (reason) failures.push({ row, reason });
  }
  const done: string[] = [];
  const held: { storageKey: string; until: Date }[] = [];
  for (const { storageKey } of deletable) {
    if (failedKeys.has(storageKey)) continue;
    const until = writableUntil(config.UPLOAD_URL_TTL, storageKey);
    if (until && until > now) held.push({ storageKey, until });
    else done.push(storageKey);
  }
  await confirmDeletions(db, done);
  await holdDeletions(db, held);
  await deferDeletions(db, failures, now);
  return { confirmed: done.length + held.length, failed: failures.length };
}

/** Flushes what is due at `now`, at most `limit` rows; with a workspace, only that workspace's keys. */
export async function flushDueDeletions(
  services: Services,
  limit: number,
  options: { workspaceId?: string; now?: Date } = {},
): Promise<FlushResult> {
  const due = await dueDeletions(services.db, limit, { prefix: options.workspaceId, now: options.now });
  return flushDeletions(services, due, options.now);
}
