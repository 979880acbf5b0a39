import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { createWorkspace, json, uploadForm } from "../support/helpers";

function callWith(environment: Env, path: string, key: string, init: RequestInit) {
  const headers = { ...(init.headers as Record<string, string>), "X-API-Key": key };
  return worker.fetch(
    new Request(`http://assets.test${path}`, { ...init, headers }),
    environment,
    createExecutionContext(),
  );
}

const startUpload = (environment: Env, key: string, contentType: string, fileName: string) =>
  callWith(environment, "/api/v1/assets/uploads", key, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ file_name: fileName, content_type: contentType, file_size: 10 }),
  });

describe("ALLOWED_CONTENT_TYPES", () => {
  const restricted = { ...env, ALLOWED_CONTENT_TYPES: "image/png, image/webp,video/*" };

  it.each([
    ["image/png", "a.png", 201],
    ["video/webm", "a.webm", 201],
    ["image/jpeg", "a.jpg", 415],
    ["audio/mpeg", "a.mp3", 415],
  ])("takes %s as %s: %i", async (contentType, fileName, status) => {
    const { key } = await createWorkspace();
    const response = await startUpload(restricted, key, contentType, fileName);
    expect(response.status).toBe(status);
    if (status === 415) {
      expect((await json(response)).error.details).toEqual({
        content_type: `${contentType} is not one of image/png, image/webp, video/*`,
      });
    }
  });

  it("applies to multipart form uploads too", async () => {
    const { key } = await createWorkspace();
    const form = uploadForm({ fileName: "a.jpg", contentType: "image/jpeg" });
    const response = await callWith(restricted, "/api/v1/assets", key, { method: "POST", body: form });
    expect(response.status).toBe(415);
  });
});

describe("MAX_METADATA_BYTES", () => {
  it("caps metadata of form uploads too, counting the UTF-8 bytes of its JSON", async () => {
    const { key } = await createWorkspace();
    const small = { ...env, MAX_METADATA_BYTES: "64" };
    const metadata = JSON.stringify({ note: "é".repeat(30) });
    const response = await callWith(small, "/api/v1/assets", key, {
      method: "POST",
      body: uploadForm({ fields: { metadata } }),
    });
    expect(response.status).toBe(413);
    expect((await json(response)).error.details).toEqual({ metadata: "is 71 bytes; the limit is 64" });
  });
});

describe("settings validation", () => {
  it.each([
    [{ ALLOWED_CONTENT_TYPES: "text/*" }, "ALLOWED_CONTENT_TYPES"],
    [{ UPLOAD_URL_TTL: "7200", UPLOAD_TTL: "3600" }, "UPLOAD_TTL"],
    [{ MULTIPART_PART_SIZE_BYTES: "100" }, "MULTIPART_PART_SIZE_BYTES"],
    [{ STREAMED_PART_SIZE_BYTES: "100" }, "STREAMED_PART_SIZE_BYTES"],
    [{ STREAMED_PART_SIZE_BYTES: String(32 * 1024 * 1024) }, "STREAMED_PART_SIZE_BYTES"],
    // 10,000 parts of 64 KiB hold 625 MiB: a 1 GiB file could not be streamed.
    [{ STREAMED_PART_SIZE_BYTES: "65536", MAX_UPLOAD_BYTES: String(1024 * 1024 * 1024) }, "STREAMED_PART_SIZE_BYTES"],
    [{ ALLOW_HTTP_IMPORTS: "maybe" }, "ALLOW_HTTP_IMPORTS"],
    [{ CLEANUP_BATCH_SIZE: "0" }, "CLEANUP_BATCH_SIZE"],
  ])("answers 503 naming a bad setting: %j", async (override, name) => {
    const { key } = await createWorkspace();
    const response = await callWith({ ...env, ...override }, "/api/v1/assets", key, {});
    expect(response.status).toBe(503);
    expect(Object.keys((await json(response)).error.details)).toEqual([name]);
  });
});
