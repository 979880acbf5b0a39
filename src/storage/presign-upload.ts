import type { Storage } from "./s3";

export interface PresignedRequest {
  url: string;
  /** Headers the client must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
}

interface UploadSigning {
  expiresIn: number;
  /** Signing time; tests pass a fixed one so URLs are exact. */
  now?: Date;
}

/**
 * A single PUT of the whole object. Storage refuses it with any other Content-Type or
 * Content-Length (SignatureDoesNotMatch), and once the key exists (`If-None-Match: *`, 412), so
 * the URL cannot replace a completed asset or carry more bytes than were declared.
 */
export async function presignPut(
  storage: Storage,
  key: string,
  file: { contentType: string; size: number },
  options: UploadSigning,
): Promise<PresignedRequest> {
  const headers = { "Content-Type": file.contentType, "Content-Length": String(file.size), "If-None-Match": "*" };
  return { url: await storage.presign(key, {}, { method: "PUT", headers }, options), headers };
}

/**
 * One UploadPart request of a multipart upload, pinned to the part's exact size. (Conditional
 * headers do not apply to parts; a part cannot outlive its upload, which complete or abort ends.)
 */
export function presignUploadPart(
  storage: Storage,
  key: string,
  part: { uploadId: string; partNumber: number; size: number },
  options: UploadSigning,
): Promise<string> {
  const query = { partNumber: String(part.partNumber), uploadId: part.uploadId };
  const headers = { "Content-Length": String(part.size) };
  return storage.presign(key, query, { method: "PUT", headers }, options);
}
