import { exports } from "cloudflare:workers";

export const ORIGIN = "https://assets.test";
export const SESSION_COOKIE = "__Host-asset-session";

/** A browser-like request to the UI at `origin` (https by default, as in production). */
export function page(path: string, init: RequestInit = {}, origin = ORIGIN): Promise<Response> {
  return exports.default.fetch(new Request(`${origin}${path}`, { redirect: "manual", ...init }));
}

/** The cookie a signed-in browser sends, plus any other headers. */
export function asSignedIn(key: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: `${SESSION_COOKIE}=${key}` } };
}

/** A same-origin form POST, as a browser sends it from one of our pages. */
export function formPost(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

export function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}
