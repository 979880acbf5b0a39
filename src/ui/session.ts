import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
import { identifyKey } from "../auth/api-keys";
import type { KeyIdentity } from "../auth/key-cache";
import type { UiEnv } from "./ui-env";

const SESSION_HOURS = 12;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Plain http is only acceptable on the developer's own machine; everywhere else cookies are Secure. */
function isLoopback(c: Context): boolean {
  return LOOPBACK_HOSTS.has(new URL(c.req.url).hostname);
}

/**
 * The `__Host-` prefix makes browsers refuse the cookie unless it is Secure, host-only and
 * Path=/, so a sibling subdomain cannot plant one. Browsers only honour it over https.
 */
function sessionCookieName(c: Context): string {
  return isLoopback(c) ? "asset-session" : "__Host-asset-session";
}

function cookieOptions(c: Context, path: string): CookieOptions {
  return { path, httpOnly: true, sameSite: "Strict", secure: !isLoopback(c) };
}

export function startSession(c: Context, apiKey: string) {
  setCookie(c, sessionCookieName(c), apiKey, { ...cookieOptions(c, "/"), maxAge: SESSION_HOURS * 3600 });
}

export function endSession(c: Context) {
  deleteCookie(c, sessionCookieName(c), cookieOptions(c, "/"));
}

export type SessionState = KeyIdentity | { reason: "missing" | "expired" };

/** Resolves the key kept in the session cookie; a revoked key ends the session at once. */
export async function readSession(c: Context<UiEnv>): Promise<SessionState> {
  const key = getCookie(c, sessionCookieName(c));
  if (!key) return { reason: "missing" };
  const identity = await identifyKey(c.var.db, key);
  if (identity) return identity;
  endSession(c);
  return { reason: "expired" };
}

const FLASH_COOKIE = "asset-flash";

/** A one-time message for the next page, e.g. after a redirect that follows a deletion. */
export function setFlash(c: Context, message: string) {
  setCookie(c, FLASH_COOKIE, message, { ...cookieOptions(c, "/ui"), maxAge: 60 });
}

export function takeFlash(c: Context): string | undefined {
  const message = getCookie(c, FLASH_COOKIE);
  if (message !== undefined) deleteCookie(c, FLASH_COOKIE, cookieOptions(c, "/ui"));
  return message;
}
