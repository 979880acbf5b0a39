import { ApiError } from "../errors";
import { type CompletedPart, completeMultipartUpload, createMultipartUpload, uploadPart } from "./multipart";
import { expectOk, type Storage } from "./s3";

export interface StreamUpload {
  key: string;
  contentType: string;
  /** The declared length, or null when the source did not say. */
  length: number | null;
  maxBytes: number;
  /** Known lengths up to this go out as one streamed PUT; anything else goes in parts. */
  multipartThreshold: number;
  partSize: number;
  /** Ends every request of the transfer, source and storage alike. */
  signal: AbortSignal;
  /** Told the multipart upload id as soon as it exists, so a failure can abort it. */
  onMultipartStarted?: (uploadId: string) => void;
}

const tooLarge = (limit: number) =>
  new ApiError("payload_too_large", `The source is larger than the ${limit}-byte import limit (MAX_UPLOAD_BYTES).`, {
    source_url: `sent more than ${limit} bytes`,
  });

/** Streams a body of known length straight through: the Worker never holds more than a chunk. */
async function putKnownLength(storage: Storage, body: ReadableStream<Uint8Array>, upload: StreamUpload) {
  const length = upload.length ?? 0;
  const { readable, writable } = new FixedLengthStream(length);
  // Either side breaking breaks the other too; whichever failed first is the cause to report.
  let cause: { error: unknown } | undefined;
  const noteFailure = (error: unknown) => {
    cause ??= { error };
    throw error;
  };
  const pumping = body.pipeTo(writable).catch(noteFailure);
  const storing = storage
    .send(
      storage.objectUrl(upload.key),
      { method: "PUT", body: readable, headers: { "Content-Type": upload.contentType } },
      upload.signal,
    )
    .then((response) => expectOk(response, "store the file"))
    .catch(noteFailure);
  await Promise.allSettled([pumping, storing]);
  if (cause) throw cause.error;
  return length;
}

/**
 * Reads the body one part at a time: a body that fits in one part is stored with a single PUT,
 * a longer one as a multipart upload, so memory stays at one part whatever the file size.
 */
async function putInParts(storage: Storage, body: ReadableStream<Uint8Array>, upload: StreamUpload) {
  const reader = body.getReader();
  const buffer = new Uint8Array(upload.partSize);
  const parts: CompletedPart[] = [];
  let filled = 0;
  let total = 0;
  let uploadId: string | null = null;
  const flushPart = async () => {
    if (uploadId === null) {
      uploadId = await createMultipartUpload(storage, upload.key, upload.contentType);
      upload.onMultipartStarted?.(uploadId);
    }
    const partNumber = parts.length + 1;
    const etag = await uploadPart(storage, upload.key, uploadId, partNumber, buffer.slice(0, filled), upload.signal);
    parts.push({ partNumber, etag });
    filled = 0;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > upload.maxBytes) {
      await reader.cancel();
      throw tooLarge(upload.maxBytes);
    }
    for (let offset = 0; offset < value.byteLength; ) {
      const taken = Math.min(value.byteLength - offset, buffer.byteLength - filled);
      buffer.set(value.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === buffer.byteLength) await flushPart();
    }
  }
  if (uploadId === null) {
    await storage.put(upload.key, buffer.slice(0, filled).buffer, upload.contentType);
    return total;
  }
  if (filled > 0) await flushPart();
  if ((await completeMultipartUpload(storage, upload.key, uploadId, parts)) !== "completed") {
    throw new ApiError("storage_unavailable", "Storage lost the multipart upload before it was completed.");
  }
  return total;
}

/** Stores a streamed body and returns its size in bytes. */
export async function uploadStream(
  storage: Storage,
  body: ReadableStream<Uint8Array>,
  upload: StreamUpload,
): Promise<number> {
  if (upload.length !== null && upload.length > upload.maxBytes) {
    await body.cancel();
    throw tooLarge(upload.maxBytes);
  }
  if (upload.length !== null && upload.length <= upload.multipartThreshold) {
    return putKnownLength(storage, body, upload);
  }
  return putInParts(storage, body, upload);
}
