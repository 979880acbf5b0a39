import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, withKey } from "../support/helpers";
import { pngUpload, postJson } from "../support/ingest-helpers";

describe("upload limits and validation", () => {
  it("answers 400 naming each bad field", async () => {
    const { key } = await createWorkspace();
    const response = await postJson(key, "/api/v1/assets/uploads", {
      file_name: "",
      file_size: -1,
      type: "sculpture",
      metadata: [1],
      expires_at: "tomorrow",
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(Object.keys(error.details).sort()).toEqual([
      "content_type",
      "expires_at",
      "file_name",
      "file_size",
      "metadata",
      "type",
    ]);
  });

  it("refuses an expiry in the past", async () => {
    const { key } = await createWorkspace();
    const response = await postJson(key, "/api/v1/assets/uploads", pngUpload({ expires_at: "2020-01-01T00:00:00Z" }));
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toEqual({ expires_at: "must be a future time" });
  });

  it("answers 413 over MAX_DIRECT_UPLOAD_BYTES and for oversized metadata", async () => {
    const { key } = await createWorkspace();
    const huge = await postJson(key, "/api/v1/assets/uploads", pngUpload({ file_size: 6 * 1024 ** 3 }));
    expect(huge.status).toBe(413);
    expect((await json(huge)).error).toMatchObject({
      code: "payload_too_large",
      details: { file_size: `is ${6 * 1024 ** 3} bytes; the limit is ${5 * 1024 ** 3}` },
    });
    const metadata = { notes: "x".repeat(70 * 1024) };
    const heavy = await postJson(key, "/api/v1/assets/uploads", pngUpload({ metadata }));
    expect(heavy.status).toBe(413);
    expect((await json(heavy)).error.details).toHaveProperty("metadata");
  });

  it("refuses an oversized JSON body with 413 before parsing it", async () => {
    const { key } = await createWorkspace();
    const response = await api(
      "/api/v1/assets/uploads",
      withKey(key, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(pngUpload({ metadata: { notes: "x".repeat(2 * 1024 * 1024) } })),
      }),
    );
    expect(response.status).toBe(413);
    expect((await json(response)).error.details).toHaveProperty("body");
  });

  it("answers 415 for content types that are not media or not allowed", async () => {
    const { key } = await createWorkspace();
    const text = await postJson(key, "/api/v1/assets/uploads", pngUpload({ content_type: "text/html" }));
    expect(text.status).toBe(415);
    expect((await json(text)).error.details).toHaveProperty("content_type");
    const mismatch = await postJson(key, "/api/v1/assets/uploads", pngUpload({ type: "video" }));
    expect(mismatch.status).toBe(415);
  });

  it("is not taken for an asset id by the /{id} routes: GET finds no asset named uploads", async () => {
    const { key } = await createWorkspace();
    const response = await api("/api/v1/assets/uploads", withKey(key));
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe("not_found");
  });
});
