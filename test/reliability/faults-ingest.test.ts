import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import {
  apiWithEnv,
  createWorkspace,
  expectStorageMatchesDatabase,
  json,
  PNG_BYTES,
  uploadAsset,
  withKey,
} from "../support/helpers";
import {
  owedDeletionsUnder,
  pngUpload,
  putToStorage,
  runScheduledCleanup,
  settleAndCompare,
  sourceUrl,
  startUpload,
} from "../support/ingest-helpers";

type Fault = keyof Cloudflare.Env["TEST_FAULT_ENDPOINTS"];

const faults: Fault[] = ["down", "reset", "fail-writes", "slow"];
const storageWith = (fault: Fault): Env => ({
  ...env,
  STORAGE_ENDPOINT: env.TEST_FAULT_ENDPOINTS[fault],
  STORAGE_TIMEOUT_MS: "300",
});

function postJsonWith(environment: Env, key: string, path: string, body: unknown) {
  return apiWithEnv(
    environment,
    path,
    withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}

describe.each(faults)("storage fault during ingest and cleanup: %s", (fault) => {
  it("answers an import with 503 (or stores it, if only slow) and leaves no ready asset without its object", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await postJsonWith(storageWith(fault), key, "/api/v1/assets/import", {
      source_url: sourceUrl("/file/clip.png?size=2048"),
    });
    // An import streams for as long as IMPORT_TIMEOUT_MS allows, so storage that is merely slow succeeds.
    expect(response.status).toBe(fault === "slow" ? 201 : 503);
    if (fault !== "slow") expect((await json(response)).error.code).toBe("storage_unavailable");
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });

  it("answers complete with 503 and keeps the upload pending, then completes once storage is back", async () => {
    const { key, workspaceId } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());
    expect((await putToStorage(upload.url, PNG_BYTES, upload.headers)).status).toBe(200);
    const failed = await postJsonWith(storageWith(fault), key, `/api/v1/assets/${asset.id}/complete`, {});
    // Completing only reads (HEAD), which storage failing its writes still answers.
    expect(failed.status).toBe(fault === "fail-writes" ? 200 : 503);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    const retried = await postJsonWith(env, key, `/api/v1/assets/${asset.id}/complete`, {});
    expect(retried.status).toBe(200);
    expect((await json(retried)).data.status).toBe("ready");
    await expectStorageMatchesDatabase(workspaceId);
  });

  it("deletes in bulk at once and owes the files until the cleanup job can delete them", async () => {
    const { key, workspaceId } = await createWorkspace();
    await Promise.all([1, 2, 3].map(() => uploadAsset(key, { fields: { execution_id: "exec_fault" } })));
    const response = await apiWithEnv(
      storageWith(fault),
      "/api/v1/assets?execution_id=exec_fault",
      withKey(key, { method: "DELETE" }),
    );
    expect(await json(response)).toEqual({ data: { deleted: 3, pending_storage: 3 } });
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    expect((await owedDeletionsUnder(workspaceId)).length).toBe(3);
    await settleAndCompare(workspaceId);
  });

  it("keeps owed deletions when the cleanup job meets the fault, and finishes them later", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key, { fields: { expires_at: new Date(Date.now() + 1000).toISOString() } });
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await runScheduledCleanup(Date.now() + 60_000, storageWith(fault));
    vi.restoreAllMocks();
    expect((await owedDeletionsUnder(workspaceId)).map((row) => row.storage_key)).toEqual([asset.storage_key]);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });
});
