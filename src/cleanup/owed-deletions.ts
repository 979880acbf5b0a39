import type { StorageDeletionRow } from "../db/schema";
import { confirmDeletions, deferDeletions, dueDeletions } from "../db/storage-deletions";
import { ApiError } from "../errors";
import type { Services } from "../services";
import { deleteObjects } from "../storage/batch-delete";
import { abortMultipartUpload } from "../storage/multipart";

export interface FlushResult {
  confirmed: number;
  failed: number;
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} ${JSON.stringify(error.details ?? {})}`;
  throw error;
}

/**
 * Carries out owed storage deletions: aborts unfinished multipart uploads, then deletes the
 * objects. A row is removed only once storage confirms both; anything else is retried later.
 */
export async function flushDeletions(
  { db, storage }: Services,
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
  const confirmed = deletable.filter((row) => !failedKeys.has(row.storageKey)).map((row) => row.storageKey);
  await confirmDeletions(db, confirmed);
  await deferDeletions(db, failures, now);
  return { confirmed: confirmed.length, failed: failures.length };
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
