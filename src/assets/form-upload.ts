import { insertAsset } from "../db/assets";
import type { AssetRow } from "../db/schema";
import type { Services } from "../services";
import { abandonObject } from "./abandon-object";
import { assertSizeWithin } from "./limits";
import { type AssetInput, draftAsset } from "./new-asset";

export interface FormUploadInput extends AssetInput {
  file: File;
}

/**
 * Stores a file sent through the Worker in one request (up to MAX_UPLOAD_BYTES), object first:
 * a row is written only for bytes storage holds, and an object whose row fails is not left behind.
 */
export async function formUpload(services: Services, workspaceId: string, input: FormUploadInput): Promise<AssetRow> {
  const { config, db, storage } = services;
  assertSizeWithin(config.MAX_UPLOAD_BYTES, input.file.size, "MAX_UPLOAD_BYTES", "file");
  const draft = draftAsset(config, workspaceId, input);
  await storage.put(draft.storageKey, input.file, draft.contentType);
  return insertAsset(db, { ...draft, fileSize: input.file.size }).catch(async (error: unknown) => {
    await abandonObject(services, draft.storageKey, "the asset row could not be written");
    throw error;
  });
}
