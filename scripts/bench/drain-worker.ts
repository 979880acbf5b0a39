// The floor for the form upload bench: a Worker that reads a request body and drops it, so the
// runtime's own cost of taking in a large body is measured apart from the service's. By default it
// reads the cheapest way the runtime offers, as the service does: at least 256 KiB a read into one
// reused buffer. `?reads=default` reads with a default reader instead (a new 8-16 KiB chunk per
// read of a chunked body), to show what that costs.
const READ_BYTES = 256 * 1024;

async function reusedBuffer(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader({ mode: "byob" });
  let buffer = new ArrayBuffer(READ_BYTES);
  let total = 0;
  for (;;) {
    const { done, value } = await reader.readAtLeast(READ_BYTES, new Uint8Array(buffer));
    if (value) {
      buffer = value.buffer;
      total += value.byteLength;
    }
    if (done) return total;
  }
}

async function defaultReads(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  let total = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) total += next.value.byteLength;
  return total;
}

export default {
  async fetch(request: Request) {
    if (request.method !== "POST" || !request.body) return new Response("ok");
    const reads = new URL(request.url).searchParams.get("reads");
    const total = await (reads === "default" ? defaultReads : reusedBuffer)(request.body);
    return Response.json({ total }, { status: 201 });
  },
};
