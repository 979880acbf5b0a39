import Busboy, { type BusboyFileStream } from "@fastify/busboy";
import type { FormPart, FormParts } from "../assets/form-parts";
import { ApiError } from "../errors";
import { type FilePartChunks, filePartBody } from "./file-part-body";
import { requestChunks } from "./request-chunks";

export interface FormLimits {
  /** The whole request body, framing and fields included. */
  maxBodyBytes: number;
  maxFieldBytes: number;
  maxParts: number;
}

/**
 * Lets busboy's streams hand out what they queued for a later tick (today they do within the
 * write's own microtasks), so no view into the request buffer is left behind when it is reused.
 */
const settleParser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const badBody = (reason: string) =>
  new ApiError("invalid_request", "The multipart body could not be read.", { body: reason });

/**
 * Reads a multipart/form-data body part by part with busboy, feeding it the next chunk of the
 * request only when a caller asks for more: while a file part is being stored, the request is
 * read as fast as storage takes it, so memory holds a chunk or two, never the body.
 */
export function readFormParts(request: Request, limits: FormLimits): FormParts {
  const source = request.body ? requestChunks(request.body) : null;
  const ready: FormPart[] = [];
  let file: FilePartChunks | null = null;
  let failure: ApiError | null = null;
  let received = 0;
  let requestRead = false;
  let parserDone = false;
  const fail = (error: ApiError) => {
    failure ??= error;
  };
  const stopOnFailure = () => {
    if (failure) throw failure;
  };

  let parser: InstanceType<typeof Busboy>;
  try {
    parser = new Busboy({
      headers: { "content-type": request.headers.get("Content-Type") ?? "" },
      // Paths are kept so that sanitizeFileName, not the parser, decides what a name may hold.
      preservePath: true,
      limits: { fieldSize: limits.maxFieldBytes, parts: limits.maxParts },
    });
  } catch (error) {
    throw badBody(error instanceof Error ? error.message : String(error));
  }
  const parsed = new Promise<void>((resolve) => {
    const settle = () => {
      parserDone = true;
      resolve();
    };
    parser.on("finish", settle);
    parser.on("error", (error: Error) => {
      fail(badBody(error.message));
      settle();
    });
  });
  let ending: Promise<void> | null = null;
  parser.on("partsLimit", () => fail(badBody(`has more than ${limits.maxParts} parts`)));
  parser.on("field", (name, value, _nameTruncated, valueTruncated) => {
    if (valueTruncated) {
      fail(
        new ApiError("payload_too_large", `Form fields are limited to ${limits.maxFieldBytes} bytes.`, {
          [name]: `is longer than ${limits.maxFieldBytes} bytes`,
        }),
      );
    }
    ready.push({ kind: "field", name, value });
  });
  parser.on("file", (name, stream: BusboyFileStream, fileName, _encoding, contentType) => {
    const current: FilePartChunks = { chunks: [], ended: false };
    file = current;
    stream.on("data", (chunk: Uint8Array) => current.chunks.push(chunk));
    stream.on("end", () => {
      current.ended = true;
    });
    stream.on("error", (error: Error) => fail(badBody(error.message)));
    ready.push({ kind: "file", name, fileName, contentType, body: filePartBody(current, moreOfFile, stopReading) });
  });

  /** Feeds one more chunk of the request to the parser, or tells it the request has ended. */
  async function pump(): Promise<void> {
    stopOnFailure();
    if (!source || requestRead) {
      requestRead = true;
      if (!ending) {
        parser.end();
        ending = parsed;
      }
      await ending;
      return stopOnFailure();
    }
    await settleParser();
    // What busboy handed out late goes to the consumer before the buffer it points into is reused.
    if (file && file.chunks.length > 0) return;
    let next: Uint8Array | null;
    try {
      next = await source.read();
    } catch {
      fail(badBody("the connection broke before the body was complete"));
      return stopOnFailure();
    }
    if (!next) {
      requestRead = true;
      return pump();
    }
    const chunk = next;
    received += chunk.byteLength;
    if (received > limits.maxBodyBytes) {
      fail(
        new ApiError("payload_too_large", `Files are limited to ${limits.maxBodyBytes} bytes with their fields.`, {
          file: `the request body exceeds ${limits.maxBodyBytes} bytes`,
        }),
      );
      await source.cancel().catch(() => {});
      return stopOnFailure();
    }
    // A parser that failed may never call back: its failure ends the wait too.
    await Promise.race([new Promise<void>((resolve) => parser.write(chunk, () => resolve())), parsed]);
    stopOnFailure();
  }

  async function moreOfFile() {
    if (parserDone) throw badBody("ended inside the file part");
    await pump();
  }

  async function stopReading() {
    await source?.cancel().catch(() => {});
  }

  return {
    async next() {
      for (;;) {
        const part = ready.shift();
        if (part) return part;
        stopOnFailure();
        if (parserDone) return null;
        // Callers read or cancel a file's body before asking for the next part; what is left is skipped.
        if (file) file.chunks.length = 0;
        await pump();
      }
    },
    async cancel() {
      await stopReading();
      parser.destroy();
    },
  };
}
