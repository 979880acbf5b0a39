import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";
import { identifyKey } from "./api-keys";
import { assertClientNotBlocked, clientAddress, countFailedAuthentication, countKeyRequest } from "./rate-limits";

const READS = new Set(["GET", "HEAD"]);

function bearerToken(header: (name: string) => string | undefined): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(header("Authorization") ?? "")?.[1]?.trim();
}

function presentedKey(header: (name: string) => string | undefined): string | undefined {
  return header("X-API-Key")?.trim() || bearerToken(header);
}

export const requireApiKey = createMiddleware<AppEnv>(async (c, next) => {
  const header = (name: string) => c.req.header(name);
  const client = clientAddress(header);
  assertClientNotBlocked(client);
  const key = presentedKey(header);
  if (!key) throw new ApiError("unauthorized", "Send an API key in X-API-Key or Authorization: Bearer.");
  const identity = await identifyKey(c.var.db, key);
  if (!identity) {
    await countFailedAuthentication(c.env, client);
    throw new ApiError("unauthorized", "The API key is invalid or has been revoked.");
  }
  c.set("workspaceId", identity.workspaceId);
  c.set("apiKeyId", identity.keyId);
  const counted = countKeyRequest(c.env, identity.keyHash);
  if (!READS.has(c.req.method)) {
    await counted;
    return next();
  }
  // A read changes nothing, so it runs while the request is counted: the count's round trip stays
  // off its latency, and over the limit its answer is replaced by the 429.
  const [count] = await Promise.allSettled([counted, next()]);
  if (count.status === "rejected") throw count.reason;
});

/** The admin token is accepted only as `Authorization: Bearer`, never in X-API-Key. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const header = (name: string) => c.req.header(name);
  const client = clientAddress(header);
  assertClientNotBlocked(client);
  const token = bearerToken(header);
  if (!token || !(await sameSecret(token, c.var.config.ADMIN_TOKEN))) {
    if (token) await countFailedAuthentication(c.env, client);
    throw new ApiError("unauthorized", "Admin routes need Authorization: Bearer <ADMIN_TOKEN>.");
  }
  await next();
});

/** Compares digests in constant time, so neither content nor length leaks through timing. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}
