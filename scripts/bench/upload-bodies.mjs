// The bodies bench:upload sends, generated 1 MiB at a time as the connection takes them and never
// held whole in Node's memory: a multipart form (fields first), and a file server for imports.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";

const MiB = 1024 * 1024;
const chunk = randomBytes(MiB);

/** `bytes` of file data, then `tail` (if any), as a stream. */
function fileStream(bytes, head, tail) {
  const pieces = [head, tail].filter(Boolean);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (head && pieces[0] === head) return controller.enqueue(pieces.shift());
      if (sent < bytes) {
        const size = Math.min(MiB, bytes - sent);
        sent += size;
        return controller.enqueue(chunk.subarray(0, size));
      }
      const last = pieces.shift();
      if (last) controller.enqueue(last);
      else controller.close();
    },
  });
}

/** A multipart body with one field and a `bytes` file part, and its length for Content-Length. */
export function formBody(boundary, bytes) {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="provider"\r\n\r\nbench\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { stream: fileStream(bytes, head, tail), length: head.byteLength + bytes + tail.byteLength };
}

/**
 * A file server on 127.0.0.1 for imports: `/known.mp4` answers with a Content-Length, any other
 * path without one (chunked), as a provider's URL may.
 */
export async function startSourceServer(bytes) {
  const server = createServer(async (request, response) => {
    const headers = { "Content-Type": "video/mp4" };
    if (request.url === "/known.mp4") headers["Content-Length"] = String(bytes);
    response.writeHead(200, headers);
    for await (const piece of fileStream(bytes)) {
      if (!response.write(piece)) await once(response, "drain");
    }
    response.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const host = `127.0.0.1:${server.address().port}`;
  return { host, close: () => new Promise((resolve) => server.close(resolve)) };
}
