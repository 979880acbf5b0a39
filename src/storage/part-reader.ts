import { returnPartBuffer, takePartBuffer } from "./part-buffers";

// Reads wait for this much (or the end of the part): reading a whole 8 MiB part at once cost an
// import of unknown length 22-30 MiB over idle, against 15 MiB reading 256 KiB at a time (and 19
// reading 64 KiB, with more reads).
const READ_BYTES = 256 * 1024;

/**
 * Fills one part-sized buffer from a stream, reused for every part. A byte stream (request and
 * response bodies, the form's file part) is read straight into it, READ_BYTES a read: reading
 * allocates nothing per chunk, where per-read chunks, freed only when V8 gets round to it,
 * grew the runtime by about the size of the file. Any other stream is copied in chunk by chunk.
 */
export function partReader(body: ReadableStream<Uint8Array>, partBytes: number) {
  let buffer = takePartBuffer(partBytes);
  let filled = 0;
  let ended = false;
  let byob: ReadableStreamBYOBReader | null = null;
  let chunks: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let pending: Uint8Array | null = null;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    chunks = body.getReader();
  }

  /** Reads up to `wanted` bytes into the free end of the buffer; the bytes taken. */
  async function readInto(wanted: number): Promise<number> {
    if (byob) {
      // Waits for all `wanted` bytes (or the end), so a part takes few reads however the bytes arrive.
      const { done, value } = await byob.readAtLeast(wanted, new Uint8Array(buffer, filled, wanted));
      ended = done;
      if (!value) return 0;
      buffer = value.buffer;
      return value.byteLength;
    }
    if (!pending && chunks) {
      const { done, value } = await chunks.read();
      ended = done;
      pending = value ?? null;
    }
    if (!pending) return 0;
    const taken = Math.min(pending.byteLength, wanted);
    new Uint8Array(buffer, filled, taken).set(pending.subarray(0, taken));
    pending = taken < pending.byteLength ? pending.subarray(taken) : null;
    return taken;
  }

  return {
    /**
     * Reads at most `most` bytes (callers pass one more than they still accept, so a body over a
     * limit is noticed as soon as it crosses it); the bytes taken, or null at the end.
     */
    async fill(most: number): Promise<number | null> {
      if (ended) return null;
      const taken = await readInto(Math.min(partBytes - filled, most, READ_BYTES));
      filled += taken;
      return taken === 0 && ended ? null : taken;
    },
    full: () => filled === partBytes,
    /** The bytes of the current part: valid until the next fill. */
    filled: () => new Uint8Array(buffer, 0, filled),
    empty: () => {
      filled = 0;
    },
    cancel: () => (byob ?? chunks)?.cancel(),
    /** Gives the buffer to the next upload; call only once the body ended and every part was sent. */
    release: () => returnPartBuffer(buffer),
  };
}
