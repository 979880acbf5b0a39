import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import {
  api,
  apiWithEnv,
  createWorkspace,
  expectStorageMatchesDatabase,
  json,
  storageHas,
  uploadAsset,
  uploadForm,
  withKey,
} from "../support/helpers";
import {
  assetRow,
  owedDeletion,
  owedDeletionsUnder,
  putToStorage,
  runScheduledCleanup,
  settleAndCompare,
  sourceUrl,
  startUpload,
} from "../support/ingest-helpers";
import { sourceBytes } from "../support/source-bytes";

// Storage performs every write in full, then the answer is lost: the connection drops, a gateway
// answers 504 (aws4fetch retries it twice), or nothing comes back within STORAGE_TIMEOUT_MS (300 ms
// here; the others get room for their retries, so each mode fails only the way it means to).
const modes = ["lost-reset", "lost-504", "lost-hang"] as const;
const storageWith = (mode: (typeof modes)[number]): Env => ({
  ...env,
  STORAGE_ENDPOINT: env.TEST_FAULT_ENDPOINTS[mode],
  STORAGE_TIMEOUT_MS: mode === "lost-hang" ? "300" : "5000",
});

function send(environment: Env, key: string, path: string, init: RequestInit) {
  return apiWithEnv(environment, path, withKey(key, init));
}
const postJson = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describe.each(modes)("storage did the write but the answer was lost: %s", (mode) => {
  const lost = storageWith(mode);

  it("form upload: 503, and the file storage may hold is owed, never orphaned", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await send(lost, key, "/api/v1/assets", { method: "POST", body: uploadForm() });
    expect(response.status).toBe(503);
    expect((await json(response)).error.code).toBe("storage_unavailable");
    expect((await api("/api/v1/assets", withKey(key))).status).toBe(200);
    expect((await owedDeletionsUnder(workspaceId)).length).toBe(1);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });

  it("direct upload: a lost multipart start leaves no row; a lost complete keeps the upload completable", async () => {
    const { key, workspaceId } = await createWorkspace();
    const size = 100 * 1024;
    const plan = { file_name: "clip.mp4", content_type: "video/mp4", file_size: size };
    const started = await send(lost, key, "/api/v1/assets/uploads", postJson(plan));
    expect(started.status).toBe(503);
    await expectStorageMatchesDatabase(workspaceId);

    const { asset, upload } = await startUpload(key, plan);
    const bytes = sourceBytes(size);
    const etags: { part_number: number; etag: string }[] = [];
    for (const part of upload.parts) {
      const offset = (part.part_number - 1) * upload.part_size;
      const put = await putToStorage(part.url, bytes.subarray(offset, offset + part.size));
      etags.push({ part_number: part.part_number, etag: put.headers.get("ETag") ?? "" });
    }
    const completed = await send(lost, key, `/api/v1/assets/${asset.id}/complete`, postJson({ parts: etags }));
    expect(completed.status).toBe(503);
    expect((await assetRow(asset.id))?.status).toBe("pending");
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    // Storage assembled the file already: the retry meets NoSuchUpload, and the object check says ready.
    const retried = await send(env, key, `/api/v1/assets/${asset.id}/complete`, postJson({ parts: etags }));
    expect(retried.status).toBe(200);
    expect((await json(retried)).data.status).toBe("ready");
    expect(await storageHas(asset.storage_key)).toBe(true);
    await settleAndCompare(workspaceId);
  });

  it("import: 503, and whatever reached storage is owed", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await send(
      lost,
      key,
      "/api/v1/assets/import",
      postJson({ source_url: sourceUrl("/file/a.png?size=2048") }),
    );
    expect(response.status).toBe(503);
    expect((await owedDeletionsUnder(workspaceId)).length).toBe(1);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });

  it("delete: 202, gone from every read path at once, the file owed until storage confirms", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await send(lost, key, `/api/v1/assets/${asset.id}`, { method: "DELETE" });
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({ data: { id: asset.id, status: "deleting" } });
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    expect((await api(`/api/v1/assets/${asset.id}/signed-url`, withKey(key))).status).toBe(404);
    expect((await json(await api("/api/v1/assets", withKey(key)))).data).toEqual([]);
    expect((await owedDeletion(asset.storage_key))?.attempts).toBe(1);
    // Storage did delete it: the owed row is what keeps the answer honest until it confirms.
    expect(await storageHas(asset.storage_key)).toBe(false);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });

  it("bulk delete: every record at once, every file owed until storage confirms", async () => {
    const { key, workspaceId } = await createWorkspace();
    await Promise.all([1, 2].map(() => uploadAsset(key, { fields: { agent_id: "lost" } })));
    const response = await send(lost, key, "/api/v1/assets?agent_id=lost", { method: "DELETE" });
    expect(await json(response)).toEqual({ data: { deleted: 2, pending_storage: 2 } });
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });

  it("cleanup: an expired asset's file stays owed until a later run gets storage's confirmation", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key, { fields: { expires_at: new Date(Date.now() + 1000).toISOString() } });
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await runScheduledCleanup(Date.now() + 60_000, lost);
    vi.restoreAllMocks();
    expect(await assetRow(asset.id)).toBeNull();
    expect((await owedDeletion(asset.storage_key))?.attempts).toBe(1);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });
});
