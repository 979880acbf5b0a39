import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { listenOnLoopback } from "./loopback-server";

// A hanging endpoint lets go by itself after this, so a stuck sender cannot hold the server.
const HANG_GIVE_UP_MS = 30_000;
const TOLERANCE_SECONDS = 5 * 60;

interface Behaviour {
  secrets: string[];
  /** Answer this many requests with `failStatus` before accepting. */
  failFirst: number;
  failStatus: number;
  /** Leave this many requests unanswered (until the sender gives up), after the failures. */
  hangFirst: number;
}

export interface ReceivedRequest {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean;
  answered: number | null;
}

/**
 * Standard Webhooks verification written from the specification with node:crypto, independent of
 * the library the service signs with: HMAC-SHA256 over "id.timestamp.body" with the base64 key after
 * `whsec_`, compared with each space-separated `v1,` signature, timestamp within five minutes.
 */
export function verifySignature(secrets: string[], id: string, timestamp: string, body: string, header: string) {
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const offered = header.split(" ").flatMap((entry) => {
    const [version, signature] = entry.split(",");
    return version === "v1" && signature ? [Buffer.from(signature)] : [];
  });
  return secrets.some((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
    const expected = Buffer.from(createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64"));
    return offered.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A webhook receiver on 127.0.0.1 for tests (the Workers runtime cannot listen):
 *   POST /control/{name}  {secrets, fail_first?, fail_status?, hang_first?}  sets how /hook/{name} behaves
 *   POST /hook/{name}     a delivery: recorded, verified, answered as configured (401 if unverified)
 *   GET  /received/{name} every request so far, in arrival order
 */
export async function startWebhookReceiver() {
  const behaviours = new Map<string, Behaviour>();
  const received = new Map<string, ReceivedRequest[]>();
  const server = createServer(async (request, response) => {
    const [, route, name = ""] = new URL(request.url ?? "/", "http://receiver.test").pathname.split("/");
    const body = await readBody(request);
    if (route === "control" && request.method === "POST") {
      const settings = JSON.parse(body);
      behaviours.set(name, {
        secrets: settings.secrets ?? [],
        failFirst: settings.fail_first ?? 0,
        failStatus: settings.fail_status ?? 503,
        hangFirst: settings.hang_first ?? 0,
      });
      return response.writeHead(204).end();
    }
    if (route === "received" && request.method === "GET") {
      response.writeHead(200, { "Content-Type": "application/json" });
      return response.end(JSON.stringify(received.get(name) ?? []));
    }
    if (route !== "hook" || request.method !== "POST") return response.writeHead(404).end();
    const behaviour = behaviours.get(name) ?? { secrets: [], failFirst: 0, failStatus: 503, hangFirst: 0 };
    const header = (field: string) => String(request.headers[field] ?? "");
    const entry: ReceivedRequest = {
      id: header("webhook-id"),
      timestamp: header("webhook-timestamp"),
      signature: header("webhook-signature"),
      body,
      verified: verifySignature(
        behaviour.secrets,
        header("webhook-id"),
        header("webhook-timestamp"),
        body,
        header("webhook-signature"),
      ),
      answered: null,
    };
    const log = received.get(name) ?? [];
    log.push(entry);
    received.set(name, log);
    if (log.length > behaviour.failFirst && log.length <= behaviour.failFirst + behaviour.hangFirst) {
      const giveUp = setTimeout(() => response.destroy(), HANG_GIVE_UP_MS);
      response.on("close", () => clearTimeout(giveUp));
      return;
    }
    entry.answered = log.length <= behaviour.failFirst ? behaviour.failStatus : entry.verified ? 204 : 401;
    response.writeHead(entry.answered).end();
  });
  return listenOnLoopback(server);
}
