import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, createWorkspace, expectStorageMatchesDatabase, PNG_BYTES, storageHas, withKey } from "../support/helpers";
import {
  complete,
  expectHeldUntilUploadUrlExpires,
  owedDeletion,
  pngUpload,
  putToStorage,
  runScheduledCleanup,
  startUpload,
} from "../support/ingest-helpers";

// A presigned PUT outlives the request that made it: deleting the asset cannot revoke it, so the
// key stays owed until the URL has expired and the cleanup job sweeps whatever a late PUT wrote.
beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([
  ["completed", true],
  ["pending", false],
])("a PUT to the upload URL of a deleted %s upload", (_, completeFirst) => {
  it("is swept by the first cleanup after the URL has expired", async () => {
    const { key, workspaceId } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());
    expect((await putToStorage(upload.url, PNG_BYTES, upload.headers)).status).toBe(200);
    if (completeFirst) expect((await complete(key, asset.id)).status).toBe(200);

    const deleted = await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }));
    expect(deleted.status).toBe(204);
    expect(await storageHas(asset.storage_key)).toBe(false);
    await expectHeldUntilUploadUrlExpires(asset.storage_key, asset.created_at);

    // The URL exactly as the API issued it, with the headers its instructions name.
    expect((await putToStorage(upload.url, PNG_BYTES, upload.headers)).status).toBe(200);
    expect(await storageHas(asset.storage_key)).toBe(true);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });

    // Before the URL expires the key is not due: a sweep then could be followed by another PUT.
    const urlExpiry = Date.parse(upload.expires_at);
    await runScheduledCleanup(urlExpiry - 1000);
    expect(await storageHas(asset.storage_key)).toBe(true);

    const owed = await owedDeletion(asset.storage_key);
    await runScheduledCleanup(Date.parse(owed?.next_attempt_at ?? "") + 1000);
    expect(await storageHas(asset.storage_key)).toBe(false);
    expect(await owedDeletion(asset.storage_key)).toBeNull();
    await expectStorageMatchesDatabase(workspaceId);
  });
});
