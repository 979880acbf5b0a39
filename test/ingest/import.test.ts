import { describe, expect, it } from "vitest";
import { bucketKeys, createWorkspace, json } from "../support/helpers";
import { downloadBytes, importFrom, sourceUrl } from "../support/ingest-helpers";
import { sourceBytes } from "../support/source-bytes";

const KiB = 1024;
async function importOk(key: string, body: Record<string, unknown>) {
  const response = await importFrom(key, body);
  expect(response.status).toBe(201);
  return (await json(response)).data;
}

describe("POST /api/v1/assets/import", () => {
  it.each([
    ["with Content-Length, in one streamed PUT", "/file/render.png?size=20000", 20_000],
    ["with Content-Length above the multipart threshold, in parts", "/file/render.png?size=102400", 100 * KiB],
    ["without Content-Length, small enough for one PUT", "/chunked/render.png?size=20000", 20_000],
    ["without Content-Length, in parts", "/chunked/render.png?size=153600", 150 * KiB],
    ["sent gzip-encoded, whose Content-Length is not the file's", "/gzip/render.png?size=50000", 50_000],
  ])("stores a source %s, byte for byte", async (_label, path, size) => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await importOk(key, { source_url: sourceUrl(path), provider: "fal", execution_id: "exec_import" });
    expect(asset).toMatchObject({
      status: "ready",
      type: "image",
      file_name: "render.png",
      content_type: "image/png",
      file_size: size,
      provider: "fal",
      execution_id: "exec_import",
    });
    expect(await downloadBytes(key, asset.id)).toEqual(sourceBytes(size));
    expect(await bucketKeys(`${workspaceId}/`)).toEqual([asset.storage_key]);
  });

  it("takes the name from Content-Disposition and guesses the type from it", async () => {
    const { key } = await createWorkspace();
    const asset = await importOk(key, { source_url: sourceUrl("/attachment?size=4096") });
    expect(asset).toMatchObject({ file_name: "render final.mp4", content_type: "video/mp4", type: "video" });
  });

  it("follows redirects and lets the request name the file, its type and its expiry", async () => {
    const { key } = await createWorkspace();
    const target = sourceUrl("/file/x.bin?size=2048&type=application/octet-stream");
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const asset = await importOk(key, {
      source_url: sourceUrl(`/redirect?to=${encodeURIComponent(target)}`),
      file_name: "voice.mp3",
      content_type: "audio/mpeg",
      expires_at: expiresAt,
      metadata: { voice: "nova" },
    });
    expect(asset).toMatchObject({
      file_name: "voice.mp3",
      content_type: "audio/mpeg",
      type: "audio",
      file_size: 2048,
      expires_at: expiresAt,
      metadata: { voice: "nova" },
    });
  });
});
