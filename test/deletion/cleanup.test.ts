import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { api, createWorkspace, json, PNG_BYTES, storageHas, uploadAsset, withKey } from "../support/helpers";
import {
  assetRow,
  expectHeldUntilUploadUrlExpires,
  owedDeletion,
  putToStorage,
  runScheduledCleanup,
  startUpload,
} from "../support/ingest-helpers";
import { sourceBytes } from "../support/source-bytes";

const MINUTE = 60_000;
const UPLOAD_TTL_MS = 86_400 * 1000;
// Nothing listens on port 9 of loopback, so storage requests fail to connect.
const unreachableStorage = { ...env, STORAGE_ENDPOINT: "http://127.0.0.1:9" };

const inAMinute = () => new Date(Date.now() + MINUTE).toISOString();

// Each run logs its summary line; the last test reads it, the others keep the output quiet.
let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("expires_at", () => {
  it("hides an asset once it expires, and the scheduled cleanup removes its object and row", async () => {
    const { key } = await createWorkspace();
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const asset = await uploadAsset(key, { fields: { expires_at: expiresAt, execution_id: "exec_ttl" } });
    expect(asset.expires_at).toBe(expiresAt);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 50));
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    expect((await api(`/api/v1/assets/${asset.id}/signed-url`, withKey(key))).status).toBe(404);
    const listed = await json(await api("/api/v1/assets?execution_id=exec_ttl", withKey(key)));
    expect(listed.meta.total).toBe(0);
    expect(await assetRow(asset.id)).not.toBeNull();
    expect(await storageHas(asset.storage_key)).toBe(true);

    await runScheduledCleanup();
    expect(await assetRow(asset.id)).toBeNull();
    expect(await storageHas(asset.storage_key)).toBe(false);
    await expectHeldUntilUploadUrlExpires(asset.storage_key, asset.created_at);
  });

  it("leaves assets alone until their time, and assets without expiry for good", async () => {
    const { key } = await createWorkspace();
    const later = await uploadAsset(key, { fields: { expires_at: inAMinute() } });
    const forever = await uploadAsset(key);
    await runScheduledCleanup();
    expect(await storageHas(later.storage_key)).toBe(true);
    await runScheduledCleanup(Date.now() + 2 * MINUTE);
    expect(await storageHas(later.storage_key)).toBe(false);
    expect(await assetRow(later.id)).toBeNull();
    expect(await assetRow(forever.id)).not.toBeNull();
    expect(await storageHas(forever.storage_key)).toBe(true);
  });
});

describe("abandoned uploads", () => {
  it("removes a pending upload older than UPLOAD_TTL, with the object it left behind", async () => {
    const { key } = await createWorkspace();
    const { asset, upload } = await startUpload(key, {
      file_name: "a.png",
      content_type: "image/png",
      file_size: PNG_BYTES.byteLength,
    });
    await putToStorage(upload.url, PNG_BYTES, upload.headers);
    await runScheduledCleanup(Date.now() + UPLOAD_TTL_MS - MINUTE);
    expect((await assetRow(asset.id))?.status).toBe("pending");

    await runScheduledCleanup(Date.now() + UPLOAD_TTL_MS + MINUTE);
    expect(await assetRow(asset.id)).toBeNull();
    expect(await storageHas(asset.storage_key)).toBe(false);
    expect((await api(`/api/v1/assets/${asset.id}/complete`, withKey(key, { method: "POST" }))).status).toBe(404);
  });

  it("aborts an abandoned multipart upload, owing it only until storage confirms", async () => {
    const { key } = await createWorkspace();
    const size = 100 * 1024;
    const { asset, upload } = await startUpload(key, {
      file_name: "v.mp4",
      content_type: "video/mp4",
      file_size: size,
    });
    await putToStorage(upload.parts[0].url, sourceBytes(size).subarray(0, upload.part_size));

    await runScheduledCleanup(Date.now() + UPLOAD_TTL_MS + MINUTE);
    expect(await assetRow(asset.id)).toBeNull();
    // Storage confirmed the abort: nothing stays owed, and the upload's part URLs are dead.
    expect(await owedDeletion(asset.storage_key)).toBeNull();
    const late = await putToStorage(upload.parts[1].url, sourceBytes(size).subarray(0, upload.part_size));
    expect(late.status).toBe(404);
  });
});

describe("owed storage deletions", () => {
  it("records a failed object deletion and retries it on a later run until storage confirms", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fields: { expires_at: inAMinute() } });

    await runScheduledCleanup(Date.now() + 2 * MINUTE, unreachableStorage);
    expect(await assetRow(asset.id)).toBeNull();
    expect(await storageHas(asset.storage_key)).toBe(true);
    const owed = await owedDeletion(asset.storage_key);
    expect(owed).toMatchObject({ attempts: 1, upload_id: null });
    expect(owed?.last_error).toContain("Storage is unreachable");

    // Not due yet: the retry waits out its backoff.
    await runScheduledCleanup(Date.now());
    expect(await storageHas(asset.storage_key)).toBe(true);

    await runScheduledCleanup(Date.now() + 10 * MINUTE);
    expect(await storageHas(asset.storage_key)).toBe(false);
    await expectHeldUntilUploadUrlExpires(asset.storage_key, asset.created_at);
  });

  it("logs one JSON line summarising each run", async () => {
    const { key } = await createWorkspace();
    await uploadAsset(key, { fields: { expires_at: inAMinute() } });
    await runScheduledCleanup(Date.now() + 2 * MINUTE);
    expect(log).toHaveBeenCalledTimes(1);
    const summary = JSON.parse(String(log.mock.calls[0]?.[0]));
    expect(summary).toMatchObject({ event: "cleanup", cron: "*/15 * * * *" });
    expect(summary.expired_assets).toBeGreaterThanOrEqual(1);
    expect(summary.storage_deleted).toBeGreaterThanOrEqual(1);
    expect(Object.keys(summary).sort()).toEqual([
      "abandoned_uploads",
      "cron",
      "duration_ms",
      "event",
      "expired_assets",
      "storage_deleted",
      "storage_failed",
      "storage_held",
      "storage_still_owed",
      "webhook_events_sent",
    ]);
  });
});
