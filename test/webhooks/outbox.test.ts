import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  api,
  apiWithEnv,
  bucketKeys,
  createWorkspace,
  json,
  storageHas,
  uploadAsset,
  uploadForm,
  withKey,
} from "../support/helpers";
import { assetRow, owedDeletion } from "../support/ingest-helpers";
import { accepted, createHook, receiverName, sleep, waitForAccepted } from "../support/webhook-helpers";

const deletesFailing: Env = {
  ...env,
  STORAGE_ENDPOINT: env.TEST_FAULT_ENDPOINTS["fail-deletes"],
  STORAGE_TIMEOUT_MS: "300",
};

async function outboxEvents(assetId: string) {
  const { results } = await env.DB.prepare("SELECT type FROM webhook_events WHERE asset_id = ?").bind(assetId).all();
  return results.map((row) => row.type);
}

describe("the outbox and the change it reports", () => {
  it("reports a delete whose file storage has not confirmed (202) like any other", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    await createHook(key, name, { events: ["asset.deleted"] });
    const asset = await uploadAsset(key);
    const response = await apiWithEnv(deletesFailing, `/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }));
    expect(response.status).toBe(202);
    expect(await storageHas(asset.storage_key)).toBe(true);
    expect(await owedDeletion(asset.storage_key)).not.toBeNull();
    const [request] = await waitForAccepted(name, 1);
    expect(request?.event).toMatchObject({ type: "asset.deleted", data: asset });
    expect(request?.verified).toBe(true);
  });

  it("writes no event for a workspace without webhooks", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }))).status).toBe(204);
    expect(await outboxEvents(asset.id)).toEqual([]);
  });

  describe("when the event cannot be written", () => {
    // A real D1 failure on the outbox insert, scoped by a trigger to workspaces named evtfault*.
    beforeAll(async () => {
      await env.DB.exec(
        "CREATE TRIGGER IF NOT EXISTS test_fail_event_insert BEFORE INSERT ON webhook_events WHEN NEW.workspace_id LIKE 'evtfault%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
      );
    });
    beforeEach(() => {
      // The error handler logs each database failure.
      vi.spyOn(console, "error").mockImplementation(() => undefined);
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("commits neither the upload nor its event, and leaves no object behind", async () => {
      const { key, workspaceId } = await createWorkspace("evtfault");
      await createHook(key, receiverName());
      const response = await api("/api/v1/assets", withKey(key, { method: "POST", body: uploadForm() }));
      expect(response.status).toBe(503);
      expect((await json(response)).error.code).toBe("database_unavailable");
      const listed = await json(await api("/api/v1/assets", withKey(key)));
      expect(listed.data).toEqual([]);
      const { results } = await env.DB.prepare("SELECT id FROM assets WHERE workspace_id = ?").bind(workspaceId).all();
      expect(results).toEqual([]);
      expect(await bucketKeys(workspaceId)).toEqual([]);
    });

    it("keeps the asset when its deletion cannot be reported: the delete is refused whole", async () => {
      const { key } = await createWorkspace("evtfault");
      // Uploaded before any webhook exists, so its creation writes no event.
      const asset = await uploadAsset(key);
      const name = receiverName();
      await createHook(key, name);
      const response = await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }));
      expect(response.status).toBe(503);
      expect(await assetRow(asset.id)).toEqual({ id: asset.id, status: "ready" });
      expect(await owedDeletion(asset.storage_key)).toBeNull();
      expect(await storageHas(asset.storage_key)).toBe(true);
      const bulk = await api(`/api/v1/assets?type=${asset.type}`, withKey(key, { method: "DELETE" }));
      expect(bulk.status).toBe(503);
      expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(200);
      await sleep(500);
      expect(await accepted(name)).toEqual([]);
    });
  });
});
