import { describe, expect, it } from "vitest";
import { returnPartBuffer, takePartBuffer } from "../../src/storage/part-buffers";

describe("the spare part buffer", () => {
  it("hands a returned buffer to the next upload of the same part size, once", () => {
    const first = takePartBuffer(1024);
    expect(first.byteLength).toBe(1024);
    returnPartBuffer(first);
    expect(takePartBuffer(1024)).toBe(first);
    expect(takePartBuffer(1024)).not.toBe(first);
  });

  it("allocates anew for another part size, and keeps only one spare", () => {
    const small = takePartBuffer(1024);
    const other = takePartBuffer(1024);
    returnPartBuffer(small);
    returnPartBuffer(other);
    expect(takePartBuffer(2048).byteLength).toBe(2048);
    expect(takePartBuffer(1024)).toBe(other);
    expect(takePartBuffer(1024)).not.toBe(small);
  });

  it("does not keep a buffer a read left detached", () => {
    const buffer = takePartBuffer(1024);
    buffer.transfer();
    returnPartBuffer(buffer);
    expect(takePartBuffer(1024)).not.toBe(buffer);
  });
});
