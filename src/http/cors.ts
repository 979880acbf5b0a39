import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { loadConfig } from "../config";
import { BOOKMARK_HEADER } from "../db/session";
import type { AppEnv } from "../types";

/**
 * CORS for browser clients, limited to CORS_ORIGINS. Other origins get no CORS headers,
 * so browsers refuse to expose answers to them; preflights are answered either way.
 */
export const apiCors = createMiddleware<AppEnv>(async (c, next) => {
  const loaded = loadConfig(c.env);
  const allowed = loaded.ok ? loaded.config.CORS_ORIGINS : [];
  const handler = cors({
    origin: (origin) => (allowed.includes("*") ? "*" : allowed.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
    allowHeaders: ["X-API-Key", "Authorization", "Content-Type", BOOKMARK_HEADER],
    // Browser clients read the bookmark to see their own writes, and ETags to revalidate.
    exposeHeaders: [BOOKMARK_HEADER, "ETag"],
    maxAge: 600,
  });
  return handler(c, next);
});
