import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Storage faults on demand: each mode is its own listener in front of the real S3 server,
 * so tests pick a fault by endpoint and run in parallel without shared switches. Requests
 * are forwarded untouched (Host included), so SigV4 signatures still verify upstream.
 *
 * The `lost-*` modes are the ambiguous case: storage performs the write in full, then its answer
 * is lost on the way back (the connection dropped, a 504 from a gateway, or no answer in time).
 */
export type FaultMode = "fail-writes" | "fail-deletes" | "slow" | "reset" | LostAnswerMode;
export type LostAnswerMode = "lost-reset" | "lost-504" | "lost-hang";

export const SLOW_DELAY_MS = 1500;
export const LOST_ANSWER_MODES: LostAnswerMode[] = ["lost-reset", "lost-504", "lost-hang"];

const isLostAnswerMode = (mode: FaultMode): mode is LostAnswerMode => mode.startsWith("lost-");

const WRITE_METHODS = new Set(["PUT", "POST", "DELETE"]);
const isWrite = (incoming: IncomingMessage) => WRITE_METHODS.has(incoming.method ?? "GET");
// S3's multi-object delete is a POST to `?delete`.
const isDelete = (incoming: IncomingMessage) =>
  incoming.method === "DELETE" || (incoming.method === "POST" && /[?&]delete(=|&|$)/.test(incoming.url ?? ""));

function failsWith(mode: FaultMode, incoming: IncomingMessage): number | null {
  if (mode === "fail-writes" && isWrite(incoming)) return 500;
  if (mode === "fail-deletes" && isDelete(incoming)) return 503;
  return null;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/** Sends the request on to storage; `onAnswer` gets storage's full answer once it has been read. */
function forward(
  target: URL,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  onAnswer: (status: number, headers: Record<string, unknown>, body: Buffer) => void,
) {
  const proxied = request(
    {
      host: target.hostname,
      port: target.port,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
    },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => onAnswer(answer.statusCode ?? 502, answer.headers, Buffer.concat(chunks)));
    },
  );
  proxied.on("error", () => outgoing.destroy());
  incoming.pipe(proxied);
}

/** Storage has done the work by the time any of these runs: only its answer goes missing. */
function loseAnswer(mode: LostAnswerMode, incoming: IncomingMessage, outgoing: ServerResponse) {
  if (mode === "lost-reset") return incoming.socket.destroy();
  if (mode === "lost-504") {
    outgoing.writeHead(504, { "Content-Type": "text/plain" });
    return outgoing.end("upstream answer lost");
  }
  // No answer until long after the caller's STORAGE_TIMEOUT_MS, then the connection drops.
  setTimeout(() => incoming.socket.destroy(), SLOW_DELAY_MS);
}

function handle(mode: FaultMode, target: URL, incoming: IncomingMessage, outgoing: ServerResponse) {
  if (mode === "reset") return incoming.socket.destroy();
  const status = failsWith(mode, incoming);
  if (status) {
    incoming.resume();
    outgoing.writeHead(status, { "Content-Type": "application/xml" });
    return outgoing.end(`<Error><Code>InternalError</Code><Message>injected ${mode}</Message></Error>`);
  }
  const pass = () =>
    forward(target, incoming, outgoing, (code, headers, body) => {
      outgoing.writeHead(code, headers as Record<string, string>);
      outgoing.end(body);
    });
  if (mode === "slow") return setTimeout(pass, SLOW_DELAY_MS);
  if (isLostAnswerMode(mode) && isWrite(incoming)) {
    return forward(target, incoming, outgoing, () => loseAnswer(mode, incoming, outgoing));
  }
  pass();
}

export async function startFaultProxies(upstream: string) {
  const target = new URL(upstream);
  const servers: Server[] = [];
  const endpoints: Record<string, string> = {};

  for (const mode of ["fail-writes", "fail-deletes", "slow", "reset", ...LOST_ANSWER_MODES] as const) {
    const server = createServer((incoming, outgoing) => handle(mode, target, incoming, outgoing));
    servers.push(server);
    endpoints[mode] = await listen(server);
  }

  // A port that was just free and is closed again: connections are refused.
  const closed = createServer();
  endpoints.down = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));

  return {
    endpoints,
    close: () =>
      Promise.all(
        servers.map((server) => {
          server.closeAllConnections();
          return new Promise((resolve) => server.close(resolve));
        }),
      ),
  };
}
