import { eq } from "drizzle-orm";
import { flushDeletions } from "../cleanup/owed-deletions";
import { type AssetRow, assets } from "../db/schema";
import { owedDeletion, retireAssets } from "../db/storage-deletions";
import type { Services } from "../services";

/**
 * Removes a pending upload at once and owes its storage work (the object, and the multipart
 * upload if any), then tries that work right away. False when it is no longer pending.
 */
export async function discardUpload(services: Services, row: AssetRow): Promise<boolean> {
  const removed = await retireAssets(services.db, [
    eq(assets.workspaceId, row.workspaceId),
    eq(assets.id, row.id),
    eq(assets.status, "pending"),
  ]);
  if (removed === 0) return false;
  await flushDeletions(services, [owedDeletion(row.storageKey, row.uploadId)]);
  return true;
}
