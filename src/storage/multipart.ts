import { ApiError } from "../errors";
import { expectOk, type Storage } from "./s3";
import { bodyInSlices } from "./slice-body";
import { escapeXml, xmlValue } from "./xml";

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

function uploadUrl(storage: Storage, key: string, query: Record<string, string>): string {
  const url = new URL(storage.objectUrl(key));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

/** Starts a multipart upload; the content type given here is the one the object ends up with. */
export async function createMultipartUpload(storage: Storage, key: string, contentType: string): Promise<string> {
  const response = await storage.send(uploadUrl(storage, key, { uploads: "" }), {
    method: "POST",
    headers: { "Content-Type": contentType },
  });
  await expectOk(response, "start a multipart upload");
  const uploadId = xmlValue(await response.text(), "UploadId");
  if (!uploadId) throw new ApiError("storage_unavailable", "Storage did not return an upload id.");
  return uploadId;
}

/** Uploads one part from memory and returns its ETag. */
export async function uploadPart(
  storage: Storage,
  key: string,
  uploadId: string,
  partNumber: number,
  body: Uint8Array,
  signal?: AbortSignal,
): Promise<string> {
  const url = uploadUrl(storage, key, { partNumber: String(partNumber), uploadId });
  const response = await storage.send(url, { method: "PUT", body: bodyInSlices(body) }, signal);
  await expectOk(response, `store part ${partNumber}`);
  return response.headers.get("ETag") ?? "";
}

export type CompleteOutcome = "completed" | "no_such_upload";

/**
 * Assembles the parts. "no_such_upload" means the upload is gone: completed by an earlier call,
 * or aborted; the caller checks the object to tell which.
 */
export async function completeMultipartUpload(
  storage: Storage,
  key: string,
  uploadId: string,
  parts: CompletedPart[],
): Promise<CompleteOutcome> {
  const body = `<CompleteMultipartUpload>${parts
    .map((part) => `<Part><PartNumber>${part.partNumber}</PartNumber><ETag>${escapeXml(part.etag)}</ETag></Part>`)
    .join("")}</CompleteMultipartUpload>`;
  const response = await storage.send(uploadUrl(storage, key, { uploadId }), {
    method: "POST",
    headers: { "Content-Type": "application/xml" },
    body,
  });
  const text = await response.text();
  const code = xmlValue(text, "Code");
  if (response.status === 404 || code === "NoSuchUpload") return "no_such_upload";
  // S3 may answer 200 and still report an error in the body once assembly has started.
  if (response.ok && !code) return "completed";
  if (response.status === 400 && code) {
    throw new ApiError("conflict", "Storage refused to assemble the parts.", {
      parts: xmlValue(text, "Message") ?? code,
      storage_code: code,
    });
  }
  throw new ApiError("storage_unavailable", "Storage could not complete the multipart upload.", {
    status: response.status,
    ...(code ? { storage_code: code } : {}),
  });
}

/** Frees the stored parts. An upload that is already gone counts as aborted. */
export async function abortMultipartUpload(storage: Storage, key: string, uploadId: string): Promise<void> {
  const response = await storage.send(uploadUrl(storage, key, { uploadId }), { method: "DELETE" });
  if (response.status === 404) return;
  await expectOk(response, "abort the multipart upload");
}
