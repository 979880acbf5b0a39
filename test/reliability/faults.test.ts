import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
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
import { owedDeletion, settleAndCompare } from "../support/ingest-helpers";

type Fault = keyof Cloudflare.Env["TEST_FAULT_ENDPOINTS"];

// The slow proxy answers after 1.5 s; a 300 ms budget makes every storage call time out.
const storageWith = (fault: Fault): Env => ({
  ...env,
  STORAGE_ENDPOINT: env.TEST_FAULT_ENDPOINTS[fault],
  STORAGE_TIMEOUT_MS: "300",
});

const faults: Fault[] = ["down", "reset", "fail-writes", "slow"];

describe.each(faults)("storage fault: %s", (fault) => {
  it("answers an upload with 503 and stores nothing", async () => {
    const { key, workspaceId } = await createWorkspace();
    const response = await apiWithEnv(
      storageWith(fault),
      "/api/v1/assets",
      withKey(key, { method: "POST", body: uploadForm() }),
    );
    expect(response.status).toBe(503);
    const { error } = await json(response);
    expect(error.code).toBe("storage_unavailable");
    expect(error.message).toMatch(/^Storage /);
    await expectStorageMatchesDatabase(workspaceId);
  });

  it("answers a delete with 202, hides the asset at once and owes its file until storage confirms", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await apiWithEnv(
      storageWith(fault),
      `/api/v1/assets/${asset.id}`,
      withKey(key, { method: "DELETE" }),
    );
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({ data: { id: asset.id, status: "deleting" } });
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    expect((await owedDeletion(asset.storage_key))?.attempts).toBe(1);
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });
});

describe("storage failing only deletes", () => {
  it("answers 202 and owes the file; the asset is gone at once", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await apiWithEnv(
      storageWith("fail-deletes"),
      `/api/v1/assets/${asset.id}`,
      withKey(key, { method: "DELETE" }),
    );
    expect(response.status).toBe(202);
    expect(await storageHas(asset.storage_key)).toBe(true);
    expect((await owedDeletion(asset.storage_key))?.last_error).toContain("503");
    await expectStorageMatchesDatabase(workspaceId, { allowOwed: true });
    await settleAndCompare(workspaceId);
  });
});

describe("database faults", () => {
  // A real D1 failure, scoped by a trigger to workspaces named dbfault_*, so other tests are untouched.
  beforeAll(async () => {
    await env.DB.exec(
      "CREATE TRIGGER IF NOT EXISTS test_fail_asset_insert BEFORE INSERT ON assets WHEN NEW.workspace_id LIKE 'dbfault%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
    );
  });

  it("removes the stored object when the row cannot be written", async () => {
    const { key, workspaceId } = await createWorkspace("dbfault");
    const response = await api("/api/v1/assets", withKey(key, { method: "POST", body: uploadForm() }));
    expect(response.status).toBe(503);
    const { error } = await json(response);
    expect(error.code).toBe("database_unavailable");
    expect(JSON.stringify(error)).not.toContain("SQLITE");
    await expectStorageMatchesDatabase(workspaceId);
  });
});
