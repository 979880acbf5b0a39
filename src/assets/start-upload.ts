import type { Config } from "../config";
import { insertAsset } from "../db/assets";
import type { Database } from "../db/client";
import type { AssetRow } from "../db/schema";
import { abortMultipartUpload, createMultipartUpload } from "../storage/multipart";
import { presignPut, presignUploadPart } from "../storage/presign-upload";
import type { Storage } from "../storage/s3";
import type { AssetDraft } from "./new-asset";
import { planUpload } from "./upload-plan";

interface Services {
  config: Config;
  db: Database;
  storage: Storage;
}

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

/** Records a pending asset and presigns the requests that put its bytes straight into storage. */
export async function startUpload(
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
    const put = await presignPut(storage, draft.storageKey, draft.contentType, signing);
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
    Array.from({ length: plan.partCount }, async (_, index) => ({
      part_number: index + 1,
      url: await presignUploadPart(storage, draft.storageKey, uploadId, index + 1, signing),
      size: Math.min(plan.partSize, fileSize - index * plan.partSize),
    })),
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
