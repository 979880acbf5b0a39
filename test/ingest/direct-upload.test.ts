import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, PNG_BYTES, storageHas, withKey } from "../support/helpers";
import { complete, downloadBytes, pngUpload, putToStorage, startUpload } from "../support/ingest-helpers";

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
    const headers = {
      "Content-Type": "image/png",
      "Content-Length": String(PNG_BYTES.byteLength),
      "If-None-Match": "*",
    };
    expect(upload).toMatchObject({ strategy: "single", method: "PUT", headers });
    const signedHeaders = "content-length;content-type;host;if-none-match";
    expect(new URL(upload.url).searchParams.get("X-Amz-SignedHeaders")).toBe(signedHeaders);
    expect(new URL(upload.url).searchParams.get("X-Amz-Expires")).toBe("900");
    expect(Date.parse(upload.expires_at) - Date.now()).toBeGreaterThan(890 * 1000);

    const put = await putToStorage(upload.url, PNG_BYTES, upload.headers);
    expect(put.status).toBe(200);
    const completed = await complete(key, asset.id);
    expect(completed.status).toBe(200);
    const ready = (await json(completed)).data;
    // Only the status changed, and updated_at with it.
    expect(ready).toEqual({ ...asset, status: "ready", updated_at: expect.any(String) });
    expect(Date.parse(ready.updated_at)).toBeGreaterThanOrEqual(Date.parse(asset.updated_at));
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

  it("answers 409 with details when nothing was uploaded, storage refuses the wrong size, and a proper PUT completes", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());

    const missing = await complete(key, asset.id);
    expect(missing.status).toBe(409);
    expect((await json(missing)).error).toMatchObject({ code: "conflict", details: { file: expect.any(String) } });

    // The URL signs Content-Length: storage refuses another size, so nothing is stored.
    const { "Content-Length": _declared, ...sent } = upload.headers;
    expect((await putToStorage(upload.url, PNG_BYTES.subarray(0, 10), sent)).status).toBe(403);
    expect((await complete(key, asset.id)).status).toBe(409);
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
    // One completion made it ready; the others answer the same row, updated_at included.
    const updatedAt = bodies[0].data.updated_at;
    for (const body of bodies) expect(body.data).toEqual({ ...asset, status: "ready", updated_at: updatedAt });
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
