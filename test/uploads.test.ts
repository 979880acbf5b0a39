import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, PNG_BYTES, storageHas, withKey } from "./helpers";
import { complete, downloadBytes, postJson, putToStorage, startUpload } from "./ingest-helpers";

const pngUpload = (extra: Record<string, unknown> = {}) => ({
  file_name: "render.png",
  content_type: "image/png",
  file_size: PNG_BYTES.byteLength,
  ...extra,
});

describe("POST /api/v1/assets/uploads (single PUT)", () => {
  it("creates a pending asset, takes the bytes at storage and makes them downloadable once completed", async () => {
    const { key, workspaceId } = await createWorkspace();
    const { asset, upload } = await startUpload(
      key,
      pngUpload({ provider: "fal", execution_id: "exec_direct", metadata: { seed: 3 } }),
    );
    expect(asset).toMatchObject({
      workspace_id: workspaceId,
      status: "pending",
      type: "image",
      file_size: PNG_BYTES.byteLength,
      content_type: "image/png",
      provider: "fal",
      metadata: { seed: 3 },
      expires_at: null,
    });
    expect(upload).toMatchObject({ strategy: "single", method: "PUT", headers: { "Content-Type": "image/png" } });
    expect(new URL(upload.url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-type;host");
    expect(new URL(upload.url).searchParams.get("X-Amz-Expires")).toBe("3600");
    expect(Date.parse(upload.expires_at) - Date.now()).toBeGreaterThan(3590 * 1000);

    const put = await putToStorage(upload.url, PNG_BYTES, upload.headers);
    expect(put.status).toBe(200);
    const completed = await complete(key, asset.id);
    expect(completed.status).toBe(200);
    const ready = (await json(completed)).data;
    expect(ready).toEqual({ ...asset, status: "ready" });
    expect(await downloadBytes(key, asset.id)).toEqual(PNG_BYTES);
  });

  it("signs the content type: storage refuses a PUT with another one", async () => {
    const { key } = await createWorkspace();
    const { upload } = await startUpload(key, pngUpload());
    const put = await putToStorage(upload.url, PNG_BYTES, { "Content-Type": "text/html" });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain("SignatureDoesNotMatch");
  });

  it("keeps a pending asset out of listings and refuses to sign it with 409", async () => {
    const { key } = await createWorkspace();
    const { asset } = await startUpload(key, pngUpload({ execution_id: "exec_pending" }));
    const listed = await json(await api("/api/v1/assets?execution_id=exec_pending", withKey(key)));
    expect(listed.data).toEqual([]);
    expect(listed.meta.total).toBe(0);

    const fetched = await api(`/api/v1/assets/${asset.id}`, withKey(key));
    expect((await json(fetched)).data.status).toBe("pending");
    const signed = await api(`/api/v1/assets/${asset.id}/signed-url`, withKey(key));
    expect(signed.status).toBe(409);
    const { error } = await json(signed);
    expect(error).toMatchObject({ code: "conflict", details: { status: "pending" } });
    expect(error.message).toContain("complete");
  });

  it("answers 409 with details when nothing was uploaded, or the wrong size, and recovers after a proper PUT", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());

    const missing = await complete(key, asset.id);
    expect(missing.status).toBe(409);
    expect((await json(missing)).error).toMatchObject({ code: "conflict", details: { file: expect.any(String) } });

    await putToStorage(upload.url, PNG_BYTES.subarray(0, 10), upload.headers);
    const wrongSize = await complete(key, asset.id);
    expect(wrongSize.status).toBe(409);
    expect((await json(wrongSize)).error.details).toEqual({
      file_size: `declared ${PNG_BYTES.byteLength} bytes; storage holds 10`,
    });
    expect((await json(await api(`/api/v1/assets/${asset.id}`, withKey(key)))).data.status).toBe("pending");

    await putToStorage(upload.url, PNG_BYTES, upload.headers);
    expect((await complete(key, asset.id)).status).toBe(200);
  });

  it("treats completing twice as harmless, and completing concurrently too", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());
    await putToStorage(upload.url, PNG_BYTES, upload.headers);
    const answers = await Promise.all([complete(key, asset.id), complete(key, asset.id)]);
    expect(answers.map((response) => response.status)).toEqual([200, 200]);
    const again = await complete(key, asset.id);
    expect(again.status).toBe(200);
    const bodies = await Promise.all([...answers, again].map((response) => json(response)));
    for (const body of bodies) expect(body.data).toEqual({ ...asset, status: "ready" });
  });

  it("answers 404 for completing an unknown or foreign asset", async () => {
    const owner = await createWorkspace();
    const other = await createWorkspace();
    const { asset } = await startUpload(owner.key, pngUpload());
    expect((await complete(other.key, asset.id)).status).toBe(404);
    expect((await complete(owner.key, "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT")).status).toBe(404);
  });

  it("deletes a pending upload, and whatever reached storage, on DELETE", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());
    await putToStorage(upload.url, PNG_BYTES, upload.headers);
    const deleted = await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }));
    expect(deleted.status).toBe(204);
    expect(await storageHas(asset.storage_key)).toBe(false);
    expect((await complete(key, asset.id)).status).toBe(404);
  });
});

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

  it("answers 415 for content types that are not media or not allowed", async () => {
    const { key } = await createWorkspace();
    const text = await postJson(key, "/api/v1/assets/uploads", pngUpload({ content_type: "text/html" }));
    expect(text.status).toBe(415);
    expect((await json(text)).error.details).toHaveProperty("content_type");
    const mismatch = await postJson(key, "/api/v1/assets/uploads", pngUpload({ type: "video" }));
    expect(mismatch.status).toBe(415);
  });

  it("is not taken for an asset id by the /{id} routes", async () => {
    const { key } = await createWorkspace();
    const response = await api("/api/v1/assets/uploads", withKey(key));
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toHaveProperty("id");
  });
});
