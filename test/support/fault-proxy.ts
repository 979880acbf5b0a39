import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Storage faults on demand: each mode is its own listener in front of the real S3 server,
 * so tests pick a fault by endpoint and run in parallel without shared switches. Requests
 * are forwarded untouched (Host included), so SigV4 signatures still verify upstream.
 */
export type FaultMode = "fail-writes" | "fail-deletes" | "slow" | "reset";

export const SLOW_DELAY_MS = 1500;

const WRITE_METHODS = new Set(["PUT", "POST", "DELETE"]);

function failsWith(mode: FaultMode, method: string): number | null {
  if (mode === "fail-writes" && WRITE_METHODS.has(method)) return 500;
  if (mode === "fail-deletes" && method === "DELETE") return 503;
  return null;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

export async function startFaultProxies(upstream: string) {
  const target = new URL(upstream);
  const servers: Server[] = [];
  const endpoints: Record<string, string> = {};

  for (const mode of ["fail-writes", "fail-deletes", "slow", "reset"] as const) {
    const server = createServer((incoming, outgoing) => {
      const status = failsWith(mode, incoming.method ?? "GET");
      if (mode === "reset") return incoming.socket.destroy();
      if (status) {
        incoming.resume();
        outgoing.writeHead(status, { "Content-Type": "application/xml" });
        return outgoing.end(`<Error><Code>InternalError</Code><Message>injected ${mode}</Message></Error>`);
      }
      const forward = () => {
        const proxied = request(
          {
            host: target.hostname,
            port: target.port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        proxied.on("error", () => outgoing.destroy());
        incoming.pipe(proxied);
      };
      if (mode === "slow") setTimeout(forward, SLOW_DELAY_MS);
      else forward();
    });
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
