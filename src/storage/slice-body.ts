// Slices small enough that the runtime copies a little at a time as it sends.
const SEND_SLICE_BYTES = 256 * 1024;

/**
 * Bytes held in memory, sent as a stream of slices of a known length: passed as one array the
 * runtime would copy them whole for every request, churning several parts' worth of memory.
 * The caller must leave `bytes` unchanged until the request has finished.
 */
export function bodyInSlices(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const { readable, writable } = new FixedLengthStream(bytes.byteLength);
  const writer = writable.getWriter();
  (async () => {
    for (let offset = 0; offset < bytes.byteLength; offset += SEND_SLICE_BYTES) {
      await writer.write(bytes.subarray(offset, offset + SEND_SLICE_BYTES));
    }
    await writer.close();
  })().catch(() => writer.abort().catch(() => {}));
  return readable;
}
