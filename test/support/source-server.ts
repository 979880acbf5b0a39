import { createServer, type ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { listenOnLoopback } from "./loopback-server";
import { sourceBytes } from "./source-bytes";

// The slow route never finishes on its own before this, so a stuck client cannot hold the server.
const SLOW_ROUTE_GIVE_UP_MS = 30_000;
const CHUNK_BYTES = 8 * 1024;

function sendChunked(response: ServerResponse, bytes: Uint8Array) {
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK_BYTES) {
    response.write(bytes.subarray(offset, offset + CHUNK_BYTES));
  }
  response.end();
}

/**
 * A stand-in for a provider's file host, for import tests (Node's http, on 127.0.0.1 only):
 *   /file/{name}?size=N&type=T      N bytes with Content-Length
 *   /chunked/{name}?size=N&type=T   N bytes without Content-Length (chunked)
 *   /gzip/{name}?size=N&type=T      N bytes gzip-encoded, Content-Length of the encoded body
 *   /status/{code}                  that status and a short body
 *   /slow/{name}                    headers and one chunk, then nothing
 *   /redirect?to=URL                302 to URL
 *   /attachment?size=N              Content-Disposition names the file
 */
export async function startSourceServer() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://source.test");
    const [, route, name] = url.pathname.split("/");
    const size = Number(url.searchParams.get("size") ?? "1024");
    const type = url.searchParams.get("type") ?? "image/png";
    if (route === "file") {
      response.writeHead(200, { "Content-Type": type, "Content-Length": size });
      response.end(sourceBytes(size));
    } else if (route === "chunked") {
      response.writeHead(200, { "Content-Type": type });
      sendChunked(response, sourceBytes(size));
    } else if (route === "gzip") {
      const encoded = gzipSync(sourceBytes(size));
      response.writeHead(200, { "Content-Type": type, "Content-Encoding": "gzip", "Content-Length": encoded.length });
      response.end(encoded);
    } else if (route === "status") {
      response.writeHead(Number(name), { "Content-Type": "text/plain" });
      response.end("source says no");
    } else if (route === "slow") {
      response.writeHead(200, { "Content-Type": "video/mp4" });
      response.write(sourceBytes(CHUNK_BYTES));
      const giveUp = setTimeout(() => response.end(), SLOW_ROUTE_GIVE_UP_MS);
      response.on("close", () => clearTimeout(giveUp));
    } else if (route === "redirect") {
      response.writeHead(302, { Location: url.searchParams.get("to") ?? "/" });
      response.end();
    } else if (route === "attachment") {
      response.writeHead(200, {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": 'attachment; filename="render final.mp4"',
        "Content-Length": size,
      });
      response.end(sourceBytes(size));
    } else {
      response.writeHead(404).end();
    }
  });
  return listenOnLoopback(server);
}
