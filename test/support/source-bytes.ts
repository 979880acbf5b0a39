/** The bytes every source route serves: a fixed pattern, so tests can rebuild what they expect. */
export function sourceBytes(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, index) => (index * 31 + 7) & 0xff);
}
