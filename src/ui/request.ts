import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";
import { GALLERY_PATH } from "./gallery-query";
import { readSession } from "./session";
import type { UiEnv } from "./ui-env";

/** The copy button's script asks for JSON; everything else is a page. */
export function wantsJson(c: Context): boolean {
  return c.req.header("Accept")?.includes("application/json") ?? false;
}

/** Pages show private data and carry signed URLs: never keep them in any cache. */
export const noStore = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
});

/** Lets a request through with its workspace, or sends the person to sign in and back. */
export const requireSession = createMiddleware<UiEnv>(async (c, next) => {
  const session = await readSession(c);
  if ("workspaceId" in session) {
    c.set("workspaceId", session.workspaceId);
    c.set("apiKeyId", session.keyId);
    return next();
  }
  if (wantsJson(c)) throw new ApiError("unauthorized", "Your session has ended. Sign in again.");
  const url = new URL(c.req.url);
  const params = new URLSearchParams({ next: c.req.method === "GET" ? url.pathname + url.search : GALLERY_PATH });
  if (session.reason === "expired") params.set("reason", "expired");
  return c.redirect(`/ui/sign-in?${params}`, 303);
});
