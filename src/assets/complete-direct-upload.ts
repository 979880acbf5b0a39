import { findAsset } from "../db/assets";
import type { AssetRow } from "../db/schema";
import { markAssetReady } from "../db/uploads";
import { ApiError, assetNotFound } from "../errors";
import type { Services } from "../services";
import { type CompletedPart, completeMultipartUpload } from "../storage/multipart";
import type { Storage } from "../storage/s3";
import { publishEvents } from "../webhooks/publish-events";
import { partCountOf } from "./upload-plan";

function checkParts(row: AssetRow, partSize: number, parts: CompletedPart[] | undefined): CompletedPart[] {
  const expected = partCountOf(row.fileSize, partSize);
  if (!parts) {
    throw new ApiError("invalid_request", "This is a multipart upload: send the ETag of each part.", {
      parts: `required: ${expected} entries of {part_number, etag}`,
    });
  }
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  if (sorted.length !== expected || sorted.some((part, index) => part.partNumber !== index + 1)) {
    throw new ApiError("invalid_request", `Send exactly parts 1 to ${expected}, each once.`, {
      parts: `expected part numbers 1 to ${expected}; got ${sorted.map((part) => part.partNumber).join(", ")}`,
    });
  }
  return sorted;
}

/** Checks the stored object against what the upload declared; storage is the source of truth. */
async function verifyObject(storage: Storage, row: AssetRow) {
  const head = await storage.head(row.storageKey);
  if (!head) {
    throw new ApiError("conflict", "No file has been uploaded for this asset yet.", {
      file: row.uploadId
        ? "the multipart upload has no completed object; it may have been aborted"
        : "no object in storage: PUT the bytes to upload.url first",
    });
  }
  const details: Record<string, string> = {};
  if (head.size !== row.fileSize) {
    details.file_size = `declared ${row.fileSize} bytes; storage holds ${head.size}`;
  }
  const storedType = head.contentType?.split(";")[0]?.trim().toLowerCase() ?? null;
  if (storedType !== row.contentType) {
    details.content_type = `declared ${row.contentType}; storage holds ${storedType ?? "none"}`;
  }
  if (Object.keys(details).length > 0) {
    throw new ApiError("conflict", "The uploaded file does not match the upload request.", details);
  }
}

/**
 * Makes a pending asset ready once storage holds exactly the declared file. Completing a ready
 * asset returns it unchanged, so clients may safely retry.
 */
export async function completeDirectUpload(
  services: Services,
  workspaceId: string,
  input: { id: string; parts?: CompletedPart[] },
): Promise<AssetRow> {
  const { db, storage } = services;
  const row = await findAsset(db, workspaceId, input.id);
  if (!row) throw assetNotFound();
  if (row.status === "ready") return row;
  if (row.uploadId && row.partSize) {
    // "no_such_upload" may mean an earlier call already assembled it: the object check decides.
    await completeMultipartUpload(storage, row.storageKey, row.uploadId, checkParts(row, row.partSize, input.parts));
  }
  await verifyObject(storage, row);
  const { ready, eventIds } = await markAssetReady(db, row);
  await publishEvents(services, eventIds);
  if (ready) return ready;
  const current = await findAsset(db, row.workspaceId, row.id);
  if (current?.status === "ready") return current;
  throw assetNotFound();
}
