import { amzDate, type Storage } from "./s3";

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

async function presignPutUrl(
  storage: Storage,
  url: URL,
  headers: Record<string, string>,
  options: UploadSigning,
): Promise<string> {
  url.searchParams.set("X-Amz-Expires", String(options.expiresIn));
  const signed = await storage.client.sign(url.toString(), {
    method: "PUT",
    headers,
    // aws4fetch leaves Content-Type unsigned by default; signing it pins what storage will accept.
    aws: { signQuery: true, allHeaders: true, datetime: amzDate(options.now ?? new Date()) },
  });
  return signed.url;
}

/** A single PUT of the whole object; storage refuses it with any other Content-Type. */
export async function presignPut(
  storage: Storage,
  key: string,
  contentType: string,
  options: UploadSigning,
): Promise<PresignedRequest> {
  const headers = { "Content-Type": contentType };
  return { url: await presignPutUrl(storage, new URL(storage.objectUrl(key)), headers, options), headers };
}

/** One UploadPart request of a multipart upload. */
export async function presignUploadPart(
  storage: Storage,
  key: string,
  uploadId: string,
  partNumber: number,
  options: UploadSigning,
): Promise<string> {
  const url = new URL(storage.objectUrl(key));
  url.searchParams.set("partNumber", String(partNumber));
  url.searchParams.set("uploadId", uploadId);
  return presignPutUrl(storage, url, {}, options);
}
