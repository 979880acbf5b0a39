// The service's streaming code uses the Workers runtime's FixedLengthStream. These tests run it in
// Node, so Node gets the same contract: a pass-through that fails on more or fewer bytes than declared.
class NodeFixedLengthStream extends TransformStream<Uint8Array, Uint8Array> {
  constructor(expected: number) {
    let seen = 0;
    super({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > expected) throw new TypeError(`FixedLengthStream: more than ${expected} bytes written`);
        controller.enqueue(chunk);
      },
      flush() {
        if (seen !== expected) throw new TypeError(`FixedLengthStream: ${seen} of ${expected} bytes written`);
      },
    });
  }
}

Object.assign(globalThis, { FixedLengthStream: NodeFixedLengthStream });
