/**
 * One part buffer left by a finished upload, for the next upload in this isolate. A dropped
 * buffer stays in memory until V8 collects it, which for memory outside its heap it does only
 * after tens of MiB more: without reuse, uploads in a row each added their own part to the
 * runtime's peak (100 MiB uploads: 18, 33, 44 MiB over idle; with reuse 19, 24, 29). Concurrent
 * uploads allocate their own; the isolate keeps at most one spare.
 */
let spare: ArrayBuffer | null = null;

export function takePartBuffer(bytes: number): ArrayBuffer {
  const reused = spare?.byteLength === bytes ? spare : null;
  if (reused) spare = null;
  return reused ?? new ArrayBuffer(bytes);
}

/** Only for a buffer nothing reads any more: every request that sent from it has finished. */
export function returnPartBuffer(buffer: ArrayBuffer) {
  // A buffer given to a read that never finished is detached (empty): it is not kept.
  if (buffer.byteLength > 0) spare = buffer;
}
