import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Storage } from "../../src/storage/s3";
import { api, createWorkspace, json, PNG_BYTES, uploadAsset, withKey } from "../support/helpers";

const WINDOW = Number(env.SIGNED_URL_WINDOW);

async function sign(key: string, id: string, query = "") {
  const response = await api(`/api/v1/assets/${id}/signed-url${query}`, withKey(key));
  return { status: response.status, body: await json(response) };
}

describe("GET /api/v1/assets/{id}/signed-url", () => {
  it("issues a URL that downloads the exact bytes, valid for the default TTL", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const { status, body } = await sign(key, asset.id);
    expect(status).toBe(200);
    const url = new URL(body.data.url);
    // Signed at the start of the cache window, for the lifetime plus the window (see signing.test.ts).
    expect(url.searchParams.get("X-Amz-Expires")).toBe(String(3600 + WINDOW));
    expect(body.data.expires_in).toBe(3600);
    const signedAt = url.searchParams.get("X-Amz-Date") ?? "";
    const signedAtMs = Date.parse(
      signedAt.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"),
    );
    expect(signedAtMs % (WINDOW * 1000)).toBe(0);
    const validUntil = signedAtMs + (3600 + WINDOW) * 1000;
    expect(validUntil).toBeGreaterThan(Date.parse(body.data.expires_at));
    expect(validUntil - Date.parse(body.data.expires_at)).toBeLessThanOrEqual(WINDOW * 1000);

    const download = await fetch(body.data.url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it("sets the lifetime asked for", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const { body } = await sign(key, asset.id, "?expires_in=60");
    expect(new URL(body.data.url).searchParams.get("X-Amz-Expires")).toBe(String(60 + Math.min(WINDOW, 6)));
    expect(body.data.expires_in).toBe(60);
  });

  it.each([
    ["Sunset at Dusk (final).png", `attachment; filename="Sunset at Dusk (final).png"`],
    ["Été 🌅.png", `attachment; filename="_t_ _.png"; filename*=UTF-8''%C3%89t%C3%A9%20%F0%9F%8C%85.png`],
  ])("makes attachment downloads of %s carry the original file name", async (fileName, expected) => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fileName });
    const { body } = await sign(key, asset.id, "?disposition=attachment");
    const download = await fetch(body.data.url);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toBe(expected);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it("is refused by storage once expired", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error("test configuration is invalid");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    const url = await new Storage(loaded.config).presignGet(asset.storage_key, { expiresIn: 60, now: twoHoursAgo });
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("expired");
  });

  it("refuses a tampered signature at storage", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const { body } = await sign(key, asset.id);
    const url = new URL(body.data.url);
    const signature = url.searchParams.get("X-Amz-Signature") ?? "";
    url.searchParams.set(
      "X-Amz-Signature",
      signature.replace(/^./, (c) => (c === "0" ? "1" : "0")),
    );
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("SignatureDoesNotMatch");
  });

  it("refuses a URL for another object made by editing the path", async () => {
    const { key } = await createWorkspace();
    const first = await uploadAsset(key);
    const second = await uploadAsset(key);
    const { body } = await sign(key, first.id);
    const forged = body.data.url.replace(first.storage_key, second.storage_key);
    const response = await fetch(forged);
    expect(response.status).toBe(403);
    await response.arrayBuffer();
  });

  it.each([
    ["?expires_in=0", "expires_in"],
    ["?expires_in=604801", "expires_in"],
    ["?expires_in=1.5", "expires_in"],
    ["?disposition=download", "disposition"],
  ])("answers 400 for %s", async (query, field) => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const { status, body } = await sign(key, asset.id, query);
    expect(status).toBe(400);
    expect(body.error.details).toHaveProperty(field);
  });

  it("answers 404 for an unknown asset", async () => {
    const { key } = await createWorkspace();
    const { status, body } = await sign(key, "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT");
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });
});
