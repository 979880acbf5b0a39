import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";
import { workspaceForKey } from "./api-keys";

function presentedKey(header: (name: string) => string | undefined): string | undefined {
  const apiKey = header("X-API-Key")?.trim();
  if (apiKey) return apiKey;
  const bearer = /^Bearer\s+(.+)$/i.exec(header("Authorization") ?? "");
  return bearer?.[1]?.trim();
}

export const requireApiKey = createMiddleware<AppEnv>(async (c, next) => {
  const key = presentedKey((name) => c.req.header(name));
  if (!key) throw new ApiError("unauthorized", "Send an API key in X-API-Key or Authorization: Bearer.");
  const workspaceId = await workspaceForKey(c.var.db, key);
  if (!workspaceId) throw new ApiError("unauthorized", "The API key is invalid or has been revoked.");
  c.set("workspaceId", workspaceId);
  await next();
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const token = presentedKey((name) => c.req.header(name));
  if (!token || !(await sameSecret(token, c.var.config.ADMIN_TOKEN))) {
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
