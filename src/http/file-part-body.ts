/** The bytes busboy handed out for the file part and not yet taken by its reader. */
export interface FilePartChunks {
  /** Views into the reused request buffer: copied out before the next read of the request. */
  chunks: Uint8Array[];
  ended: boolean;
}

/**
 * The file part as a byte stream. A BYOB reader (the storage upload) gets the bytes copied
 * straight into its own reused buffer; any other reader gets a copy, since the chunks point into
 * the request buffer. `more` feeds the parser until it hands out more; `stop` stops the request.
 */
export function filePartBody(
  file: FilePartChunks,
  more: () => Promise<void>,
  stop: () => Promise<void>,
): ReadableStream<Uint8Array> {
  return new ReadableStream({
    type: "bytes",
    async pull(controller) {
      while (file.chunks.length === 0 && !file.ended) await more();
      const chunk = file.chunks.shift();
      const request = controller.byobRequest;
      if (!chunk) {
        controller.close();
        request?.respond(0);
        return;
      }
      const view = request?.view;
      if (!request || !view) return controller.enqueue(chunk.slice());
      const target = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      const taken = Math.min(chunk.byteLength, target.byteLength);
      target.set(chunk.subarray(0, taken));
      if (taken < chunk.byteLength) file.chunks.unshift(chunk.subarray(taken));
      request.respond(taken);
    },
    // A consumer that stops (the size limit, a storage failure) stops the request too.
    cancel: stop,
  });
}
