import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { planUpload } from "../../src/assets/upload-plan";
import { loadConfig } from "../../src/config";
import { api, createWorkspace, json, withKey } from "../support/helpers";
import { complete, downloadBytes, putToStorage, startUpload } from "../support/ingest-helpers";
import { sourceBytes } from "../support/source-bytes";

const KiB = 1024;
const PART_SIZE = Number(env.MULTIPART_PART_SIZE_BYTES);

async function startVideo(key: string, size: number) {
  return startUpload(key, { file_name: "take-1.mp4", content_type: "video/mp4", file_size: size });
}

/** Uploads each part straight to storage, as a browser would, and returns what `complete` needs. */
async function putParts(parts: { part_number: number; url: string; size: number }[], bytes: Uint8Array) {
  let offset = 0;
  const completed = [];
  for (const part of parts) {
    const response = await putToStorage(part.url, bytes.subarray(offset, offset + part.size));
    expect(response.status).toBe(200);
    completed.push({ part_number: part.part_number, etag: response.headers.get("ETag") ?? "" });
    offset += part.size;
  }
  return completed;
}

describe("multipart direct uploads", () => {
  it("plans one presigned URL per part above the threshold, and assembles the parts on complete", async () => {
    const { key } = await createWorkspace();
    const size = 100 * KiB;
    const bytes = sourceBytes(size);
    const { asset, upload } = await startVideo(key, size);
    expect(asset.status).toBe("pending");
    expect(upload).toMatchObject({ strategy: "multipart", method: "PUT", part_size: PART_SIZE, headers: {} });
    expect(upload.upload_id).toEqual(expect.any(String));
    expect(upload.parts.map((part: { part_number: number; size: number }) => [part.part_number, part.size])).toEqual([
      [1, PART_SIZE],
      [2, PART_SIZE],
      [3, PART_SIZE],
      [4, size - 3 * PART_SIZE],
    ]);
    for (const part of upload.parts) {
      const url = new URL(part.url);
      expect(url.searchParams.get("uploadId")).toBe(upload.upload_id);
      expect(url.searchParams.get("partNumber")).toBe(String(part.part_number));
    }

    // Parts may be sent in any order; complete takes them in any order too.
    const parts = await putParts(upload.parts, bytes);
    const completed = await complete(key, asset.id, { parts: parts.reverse() });
    expect(completed.status).toBe(200);
    expect((await json(completed)).data).toEqual({ ...asset, status: "ready", updated_at: expect.any(String) });
    expect(await downloadBytes(key, asset.id)).toEqual(bytes);
    expect((await complete(key, asset.id, { parts })).status).toBe(200);
  });

  it("asks for every part's ETag, naming the parts it expects", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startVideo(key, 70 * KiB);
    const parts = await putParts(upload.parts, sourceBytes(70 * KiB));

    const none = await complete(key, asset.id);
    expect(none.status).toBe(400);
    expect((await json(none)).error.details).toEqual({ parts: "required: 3 entries of {part_number, etag}" });

    const gap = await complete(key, asset.id, { parts: [parts[0], parts[2]] });
    expect(gap.status).toBe(400);
    expect((await json(gap)).error.details.parts).toBe("expected part numbers 1 to 3; got 1, 3");

    const malformed = await complete(key, asset.id, { parts: [{ part_number: 0, etag: "" }] });
    expect(malformed.status).toBe(400);
    expect(Object.keys((await json(malformed)).error.details).sort()).toEqual(["parts.0.etag", "parts.0.part_number"]);
    expect((await json(await api(`/api/v1/assets/${asset.id}`, withKey(key)))).data.status).toBe("pending");
  });

  it("has storage refuse a part of another size, and answers 409 when storage lacks a part", async () => {
    const { key } = await createWorkspace();
    const size = 70 * KiB;
    const bytes = sourceBytes(size);
    const { asset, upload } = await startVideo(key, size);
    // Each part URL signs its part's Content-Length.
    const short = await putToStorage(upload.parts[2].url, bytes.subarray(2 * PART_SIZE, size - 100));
    expect(short.status).toBe(403);
    const parts = await putParts(upload.parts.slice(0, 2), bytes);
    const missing = { part_number: 3, etag: '"0123456789abcdef0123456789abcdef"' };
    const response = await complete(key, asset.id, { parts: [...parts, missing] });
    expect(response.status).toBe(409);
    expect((await json(response)).error.details).toMatchObject({ storage_code: "InvalidPart" });
  });
});

describe("the part plan", () => {
  const loaded = loadConfig({ ...env, MULTIPART_THRESHOLD_BYTES: "", MULTIPART_PART_SIZE_BYTES: "" });
  if (!loaded.ok) throw new Error("test configuration is invalid");
  const config = loaded.config;
  const MiB = 1024 * 1024;

  it("uses the configured part size up to 10,000 parts, and grows it beyond", () => {
    expect(planUpload(config, 100 * MiB)).toEqual({ kind: "single" });
    expect(planUpload(config, 5 * 1024 * MiB)).toEqual({ kind: "multipart", partSize: 32 * MiB, partCount: 160 });
    const terabyte = planUpload(config, 1024 * 1024 * MiB);
    expect(terabyte).toEqual({ kind: "multipart", partSize: 105 * MiB, partCount: 9987 });
  });
});
