import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { type AssetRow, assets } from "../db/schema";
import { owedDeletion, retireAssets } from "../db/storage-deletions";
import type { Storage } from "../storage/s3";
import { flushDeletions } from "./flush-deletions";

/**
 * Removes a pending upload at once and owes its storage work (the object, and the multipart
 * upload if any), then tries that work right away. False when it is no longer pending.
 */
export async function discardUpload(db: Database, storage: Storage, row: AssetRow): Promise<boolean> {
  const removed = await retireAssets(db, [
    eq(assets.workspaceId, row.workspaceId),
    eq(assets.id, row.id),
    eq(assets.status, "pending"),
  ]);
  if (removed === 0) return false;
  await flushDeletions(db, storage, [owedDeletion(row.storageKey, row.uploadId)]);
  return true;
}
