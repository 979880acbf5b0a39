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

  it("answers a delete with 503 and keeps the asset whole", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await apiWithEnv(
      storageWith(fault),
      `/api/v1/assets/${asset.id}`,
      withKey(key, { method: "DELETE" }),
    );
    expect(response.status).toBe(503);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(200);
    expect(await storageHas(asset.storage_key)).toBe(true);
    await expectStorageMatchesDatabase(workspaceId);
  });
});

describe("storage failing only deletes", () => {
  it("keeps the asset and reports 503", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await apiWithEnv(
      storageWith("fail-deletes"),
      `/api/v1/assets/${asset.id}`,
      withKey(key, { method: "DELETE" }),
    );
    expect(response.status).toBe(503);
    expect((await json(response)).error.details).toMatchObject({ status: 503 });
    await expectStorageMatchesDatabase(workspaceId);
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
