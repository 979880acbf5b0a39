import { ApiError } from "../errors";
import { type CompletedPart, completeMultipartUpload, createMultipartUpload, uploadPart } from "./multipart";
import { partReader } from "./part-reader";
import { expectOk, type Storage } from "./s3";

export interface StreamUpload {
  key: string;
  contentType: string;
  /** The declared length, or null when the source did not say. */
  length: number | null;
  maxBytes: number;
  /** The request field that carried the bytes, named by the 400 and 413 answers. */
  field: string;
  /** Known lengths up to this go out as one streamed PUT; anything else goes in parts. */
  multipartThreshold: number;
  /** Every part but the last has this size; the Worker holds one part in memory while it is sent. */
  partSize: number;
  /** Ends every request of the transfer; without one each storage request has STORAGE_TIMEOUT_MS. */
  signal?: AbortSignal;
  /** Told the multipart upload id as soon as it exists, so a failure can abort it. */
  onMultipartStarted?: (uploadId: string) => void;
}

const tooLarge = (upload: StreamUpload) =>
  new ApiError("payload_too_large", `Files are limited to ${upload.maxBytes} bytes (MAX_UPLOAD_BYTES).`, {
    [upload.field]: `sent more than ${upload.maxBytes} bytes`,
  });

/** No way in stores an empty file: it is refused before anything reaches storage. */
export const emptyFile = (field: string) =>
  new ApiError("invalid_request", "The file is empty.", { [field]: "has no bytes; a file needs at least one" });

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
  const source = partReader(body, upload.partSize);
  const parts: CompletedPart[] = [];
  let total = 0;
  let uploadId: string | null = null;
  const flushPart = async () => {
    if (uploadId === null) {
      uploadId = await createMultipartUpload(storage, upload.key, upload.contentType);
      upload.onMultipartStarted?.(uploadId);
    }
    const partNumber = parts.length + 1;
    const etag = await uploadPart(storage, upload.key, uploadId, partNumber, source.filled(), upload.signal);
    parts.push({ partNumber, etag });
    source.empty();
  };
  for (;;) {
    const read = await source.fill(upload.maxBytes - total + 1);
    if (read === null) break;
    total += read;
    if (total > upload.maxBytes) {
      await source.cancel();
      throw tooLarge(upload);
    }
    if (source.full()) await flushPart();
  }
  const filled = source.filled();
  if (total === 0) throw emptyFile(upload.field);
  if (uploadId === null) {
    // A view, not a stream, so storage's 5xx answers can be retried; the runtime copies what the
    // file holds (less than a part) while it sends.
    await storage.put(upload.key, filled, upload.contentType);
    source.release();
    return total;
  }
  if (filled.byteLength > 0) await flushPart();
  if ((await completeMultipartUpload(storage, upload.key, uploadId, parts)) !== "completed") {
    throw new ApiError("storage_unavailable", "Storage lost the multipart upload before it was completed.");
  }
  source.release();
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
    throw tooLarge(upload);
  }
  if (upload.length === 0) {
    await body.cancel();
    throw emptyFile(upload.field);
  }
  if (upload.length !== null && upload.length <= upload.multipartThreshold) {
    return putKnownLength(storage, body, upload);
  }
  return putInParts(storage, body, upload);
}
