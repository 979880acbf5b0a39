import type { Context } from "hono";

const encoder = new TextEncoder();

/**
 * Sets the ETag hono's `etag()` middleware would compute (SHA-1 of the JSON body) from the body
 * itself, before `c.json` writes it. The middleware then only compares it with If-None-Match:
 * hashing a clone of the response stream costs more than the rest of a signed-URL request.
 * `weak` marks a tag taken from what identifies the answer rather than from all of its bytes.
 */
export async function setJsonEtag(c: Context, body: unknown, { weak = false } = {}): Promise<void> {
  const digest = await crypto.subtle.digest("SHA-1", encoder.encode(JSON.stringify(body)));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
  c.header("ETag", `${weak ? "W/" : ""}"${hex}"`);
}
