import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, createWorkspace, json, PNG_BYTES, uploadAsset, withKey } from "../support/helpers";
import {
  complete,
  importFrom,
  pngUpload,
  putToStorage,
  runScheduledCleanup,
  startUpload,
} from "../support/ingest-helpers";
import { accepted, createHook, receiverName, sleep, waitForAccepted } from "../support/webhook-helpers";

beforeEach(() => {
  // The cleanup logs a summary line per run.
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("webhook events", () => {
  it("reports uploads, imports, completed direct uploads, deletes, bulk deletes and expiry, signed", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    const hook = await createHook(key, name);

    const uploaded = await uploadAsset(key);
    const imported = await json(
      await importFrom(key, {
        source_url: `${env.TEST_SOURCE_URL}/file/clip.png?size=2048`,
        execution_id: "exec_bulk",
      }),
    );
    const pending = await startUpload(key, pngUpload());
    expect((await putToStorage(pending.upload.url, PNG_BYTES, pending.upload.headers)).status).toBe(200);
    const completed = await json(await complete(key, pending.asset.id));
    // Completing twice answers the same asset and reports nothing new.
    expect((await complete(key, pending.asset.id)).status).toBe(200);
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const expiring = await uploadAsset(key, { fields: { expires_at: expiresAt } });

    expect((await api(`/api/v1/assets/${uploaded.id}`, withKey(key, { method: "DELETE" }))).status).toBe(204);
    const bulk = await api("/api/v1/assets?execution_id=exec_bulk", withKey(key, { method: "DELETE" }));
    expect((await json(bulk)).data.deleted).toBe(1);
    await sleep(Date.parse(expiresAt) - Date.now() + 50);
    await runScheduledCleanup();

    const requests = await waitForAccepted(name, 7);
    await sleep(1500);
    expect(await accepted(name)).toHaveLength(7);
    const byKey = new Map(requests.map((request) => [`${request.event.type} ${request.event.data.id}`, request]));
    const expected = [
      ["asset.created", uploaded],
      ["asset.created", imported.data],
      ["asset.created", completed.data],
      ["asset.created", expiring],
      ["asset.deleted", uploaded],
      ["asset.deleted", imported.data],
      ["asset.expired", expiring],
    ] as const;
    for (const [type, asset] of expected) {
      const request = byKey.get(`${type} ${asset.id}`);
      expect(request, `${type} ${asset.id}`).toBeDefined();
      expect(request?.verified).toBe(true);
      expect(request?.id).toMatch(/^evt_[0-9a-f]{32}$/);
      expect(request?.event.data).toEqual(asset);
      expect(Date.parse(request?.event.timestamp)).not.toBeNaN();
    }
    expect(new Set(requests.map((request) => request.id)).size).toBe(requests.length);

    const deliveries = await json(await api(`/api/v1/webhooks/${hook.id}/deliveries?limit=100`, withKey(key)));
    expect(deliveries.data).toHaveLength(7);
    for (const delivery of deliveries.data) {
      expect(delivery).toMatchObject({
        status: "succeeded",
        attempt_count: 1,
        response_status: 204,
        next_retry_at: null,
      });
      expect(delivery.attempts[0].duration_ms).toBeGreaterThanOrEqual(0);
    }
  });

  it("sends only the event types a webhook asked for, and only its own workspace's", async () => {
    const { key } = await createWorkspace();
    const other = await createWorkspace();
    const deletesOnly = receiverName();
    const otherName = receiverName();
    await createHook(key, deletesOnly, { events: ["asset.deleted"] });
    await createHook(other.key, otherName);

    const asset = await uploadAsset(key);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }))).status).toBe(204);
    const [request] = await waitForAccepted(deletesOnly, 1);
    await sleep(1500);
    expect(await accepted(deletesOnly)).toHaveLength(1);
    expect(request?.event).toMatchObject({ type: "asset.deleted", data: { id: asset.id } });
    expect(await accepted(otherName)).toEqual([]);
  });

  it("reports nothing for uploads that were never completed", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    await createHook(key, name);
    const pending = await startUpload(key, pngUpload());
    expect((await api(`/api/v1/assets/${pending.asset.id}`, withKey(key, { method: "DELETE" }))).status).toBe(204);
    const marker = await uploadAsset(key);
    const [request] = await waitForAccepted(name, 1);
    await sleep(1000);
    expect(await accepted(name)).toHaveLength(1);
    expect(request?.event.data.id).toBe(marker.id);
  });
});
