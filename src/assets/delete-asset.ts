import { findAsset, removeAsset } from "../db/assets";
import type { AssetRow } from "../db/schema";
import type { Services } from "../services";
import { discardUpload } from "./discard-upload";

/**
 * Deletes an asset's object, then its row. Returns the deleted row, or null when the asset
 * does not exist in this workspace (or another request deleted it first).
 */
export async function deleteAsset(services: Services, workspaceId: string, id: string): Promise<AssetRow | null> {
  try {
    return await removeObjectAndRow(services, workspaceId, id);
  } finally {
    // Whatever happened, this isolate re-reads the asset next time: it may hold a row that is gone,
    // removed just now or by another isolate (then this delete answered 404 and reads must agree).
    services.assetCache.forgetAsset(workspaceId, id);
  }
}

async function removeObjectAndRow(services: Services, workspaceId: string, id: string): Promise<AssetRow | null> {
  const { db, storage } = services;
  const row = await findAsset(db, workspaceId, id);
  if (!row) return null;
  // An unfinished upload may hold multipart parts to abort, which storage can be slow to confirm.
  if (row.status === "pending") return (await discardUpload(services, row)) ? row : null;
  // Object first: if storage fails the row stays and the asset remains usable.
  await storage.delete(row.storageKey);
  return (await removeAsset(db, workspaceId, id)) ? row : null;
}
