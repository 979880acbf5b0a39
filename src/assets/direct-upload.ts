import { insertAsset } from "../db/assets";
import type { AssetRow } from "../db/schema";
import type { Services } from "../services";
import { abortMultipartUpload, createMultipartUpload } from "../storage/multipart";
import { presignPut, presignUploadPart } from "../storage/presign-upload";
import { assertSizeWithin } from "./limits";
import { type AssetDraft, type AssetInput, draftAsset } from "./new-asset";
import { planUpload } from "./upload-plan";

export type UploadInstructions =
  | { strategy: "single"; method: "PUT"; url: string; headers: Record<string, string>; expires_at: string }
  | {
      strategy: "multipart";
      method: "PUT";
      upload_id: string;
      part_size: number;
      parts: { part_number: number; url: string; size: number }[];
      headers: Record<string, string>;
      expires_at: string;
    };

export interface DirectUploadInput extends AssetInput {
  /** The exact size the client will upload, in bytes. */
  fileSize: number;
}

/** Starts a direct upload: the bytes go from the client straight to storage, never through the Worker. */
export async function startDirectUpload(services: Services, workspaceId: string, input: DirectUploadInput) {
  assertSizeWithin(services.config.MAX_DIRECT_UPLOAD_BYTES, input.fileSize, "MAX_DIRECT_UPLOAD_BYTES");
  return presignUpload(services, draftAsset(services.config, workspaceId, input, "upload"), input.fileSize);
}

/** Records a pending asset and presigns the requests that put its bytes straight into storage. */
async function presignUpload(
  { config, db, storage }: Services,
  draft: AssetDraft,
  fileSize: number,
): Promise<{ row: AssetRow; upload: UploadInstructions }> {
  const plan = planUpload(config, fileSize);
  // Signatures carry whole seconds, so the expiry is counted from the truncated signing time.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const signing = { expiresIn: config.UPLOAD_URL_TTL, now };
  const expiresAt = new Date(now.getTime() + config.UPLOAD_URL_TTL * 1000).toISOString();
  const pending = { ...draft, fileSize, status: "pending" as const };

  if (plan.kind === "single") {
    const row = await insertAsset(db, pending);
    const file = { contentType: draft.contentType, size: fileSize };
    const put = await presignPut(storage, draft.storageKey, file, signing);
    return { row, upload: { strategy: "single", method: "PUT", ...put, expires_at: expiresAt } };
  }

  const uploadId = await createMultipartUpload(storage, draft.storageKey, draft.contentType);
  let row: AssetRow;
  try {
    row = await insertAsset(db, { ...pending, uploadId, partSize: plan.partSize });
  } catch (error) {
    await abortMultipartUpload(storage, draft.storageKey, uploadId).catch(() => undefined);
    throw error;
  }
  const parts = await Promise.all(
    Array.from({ length: plan.partCount }, async (_, index) => {
      const part = { uploadId, partNumber: index + 1, size: Math.min(plan.partSize, fileSize - index * plan.partSize) };
      const url = await presignUploadPart(storage, draft.storageKey, part, signing);
      return { part_number: part.partNumber, url, size: part.size };
    }),
  );
  return {
    row,
    upload: {
      strategy: "multipart",
      method: "PUT",
      upload_id: uploadId,
      part_size: plan.partSize,
      parts,
      headers: {},
      expires_at: expiresAt,
    },
  };
}
