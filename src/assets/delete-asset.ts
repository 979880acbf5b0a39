import { eq } from "drizzle-orm";
import { flushDeletions } from "../cleanup/owed-deletions";
import { findAsset } from "../db/assets";
import { type AssetRow, assets } from "../db/schema";
import { owedDeletion, retireAssets } from "../db/storage-deletions";
import type { Services } from "../services";
import { publishEvents } from "../webhooks/publish-events";

/** `deleted`: storage confirmed. `deleting`: storage gave no clear answer; the cleanup job retries. */
export type StorageOutcome = "deleted" | "deleting";

export interface DeletedAsset {
  row: AssetRow;
  storage: StorageOutcome;
}

/**
 * Deletes an asset, pending uploads included. The row goes and the storage work it leaves (object,
 * unfinished multipart upload) is recorded in one D1 batch, so every read path answers 404 at once
 * and no visible asset ever lacks its object; then storage is asked. A timeout, reset or 5xx may
 * still have deleted the object, so it stays owed until storage confirms. Null when the asset does
 * not exist in this workspace (or another request deleted it first).
 */
export async function deleteAsset(services: Services, workspaceId: string, id: string): Promise<DeletedAsset | null> {
  try {
    return await retireAndDelete(services, workspaceId, id);
  } finally {
    // Whatever happened, this isolate re-reads the asset next time: it may hold a row that is gone,
    // removed just now or by another isolate (then this delete answered 404 and reads must agree).
    services.assetCache.forgetAsset(workspaceId, id);
  }
}

async function retireAndDelete(services: Services, workspaceId: string, id: string): Promise<DeletedAsset | null> {
  const row = await findAsset(services.db, workspaceId, id);
  if (!row) return null;
  const retired = await retireAssets(services.db, [eq(assets.workspaceId, workspaceId), eq(assets.id, id)], {
    event: "asset.deleted",
  });
  if (retired.removed === 0) return null;
  // Forgotten before storage is asked, so this isolate's readers see the 404 as soon as D1 does.
  services.assetCache.forgetAsset(workspaceId, id);
  await publishEvents(services, retired.eventIds);
  const flushed = await flushDeletions(services, [owedDeletion(row.storageKey, row.uploadId)]);
  return { row, storage: flushed.failed === 0 ? "deleted" : "deleting" };
}
