import { ApiError } from "../errors";
import { expectOk, type Storage } from "./s3";
import { escapeXml, xmlValue } from "./xml";

// S3's DeleteObjects takes at most 1000 keys a request.
const KEYS_PER_REQUEST = 1000;

async function md5Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("MD5", new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/**
 * Deletes many objects with one request per 1000 keys. Missing objects count as deleted.
 * Returns the keys storage could not delete, each with its reason.
 */
export async function deleteObjects(storage: Storage, keys: string[]): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) {
    const chunk = keys.slice(start, start + KEYS_PER_REQUEST);
    const body = `<Delete><Quiet>true</Quiet>${chunk
      .map((key) => `<Object><Key>${escapeXml(key)}</Key></Object>`)
      .join("")}</Delete>`;
    try {
      const response = await storage.send(`${storage.objectUrl("")}?delete=`, {
        method: "POST",
        // S3 insists on a body checksum for this call.
        headers: { "Content-Type": "application/xml", "Content-MD5": await md5Base64(body) },
        body,
      });
      await expectOk(response, "delete the files");
      for (const match of (await response.text()).matchAll(/<Error>([\s\S]*?)<\/Error>/g)) {
        const key = xmlValue(match[1] ?? "", "Key");
        if (key) failed.set(key, xmlValue(match[1] ?? "", "Code") ?? "delete failed");
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const reason = `${error.message} ${JSON.stringify(error.details ?? {})}`;
      for (const key of chunk) failed.set(key, reason);
    }
  }
  return failed;
}
