/**
 * A chunked request reaches the Worker in pieces of 8 to 16 KiB, and every read costs the runtime
 * a few KiB that V8 frees only when it gets round to it: read piece by piece, a 100 MiB body grew
 * workerd by about 35 MiB (86 MiB with a new buffer per read). Reads of at least this much into one
 * reused buffer keep that to a few MiB.
 */
export const REQUEST_READ_BYTES = 256 * 1024;

export interface RequestChunks {
  /** The next bytes of the body, or null at its end. Valid until the next call, which may reuse them. */
  read(): Promise<Uint8Array | null>;
  cancel(): Promise<void>;
}

/** Reads a body into one reused buffer when it is a byte stream, as every request body in workerd is. */
export function requestChunks(body: ReadableStream<Uint8Array>): RequestChunks {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = body.getReader({ mode: "byob" });
  } catch {
    // A stream built in JavaScript (a Request made in the same isolate): its chunks are its own.
    const chunks = body.getReader();
    return {
      read: async () => (await chunks.read()).value ?? null,
      cancel: () => chunks.cancel(),
    };
  }
  let buffer = new ArrayBuffer(REQUEST_READ_BYTES);
  let ended = false;
  return {
    async read() {
      if (ended) return null;
      const { done, value } = await reader.readAtLeast(REQUEST_READ_BYTES, new Uint8Array(buffer));
      ended = done;
      if (!value) return null;
      // The read transferred the buffer; the next read goes into the same memory again.
      buffer = value.buffer;
      return value.byteLength > 0 ? value : null;
    },
    cancel: () => reader.cancel(),
  };
}
