import { findAsset, removeAsset } from "../db/assets";
import type { Database } from "../db/client";
import type { AssetRow } from "../db/schema";
import { discardUpload } from "../lifecycle/discard";
import type { Storage } from "../storage/s3";

/**
 * Deletes an asset's object, then its row. Returns the deleted row, or null when the asset
 * does not exist in this workspace (or another request deleted it first).
 */
export async function deleteAsset(
  db: Database,
  storage: Storage,
  workspaceId: string,
  id: string,
): Promise<AssetRow | null> {
  const row = await findAsset(db, workspaceId, id);
  if (!row) return null;
  // An unfinished upload may hold multipart parts to abort, which storage can be slow to confirm.
  if (row.status === "pending") return (await discardUpload(db, storage, row)) ? row : null;
  // Object first: if storage fails the row stays and the asset remains usable.
  await storage.delete(row.storageKey);
  return (await removeAsset(db, workspaceId, id)) ? row : null;
}
