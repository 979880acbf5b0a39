import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { api, createWorkspace, json, PNG_BYTES, storageHas, uploadAsset, withKey } from "../support/helpers";
import {
  expectHeldUntilUploadUrlExpires,
  owedDeletion,
  putToStorage,
  runScheduledCleanup,
  startUpload,
} from "../support/ingest-helpers";

function bulkDelete(key: string, query: string, environment: Env = env) {
  const request = new Request(`http://assets.test/api/v1/assets${query}`, {
    method: "DELETE",
    headers: { "X-API-Key": key },
  });
  return worker.fetch(request, environment, createExecutionContext());
}

describe("DELETE /api/v1/assets?filters", () => {
  it("deletes every matching asset of the caller's workspace, objects and rows, pending uploads included", async () => {
    const owner = await createWorkspace("owner");
    const other = await createWorkspace("other");
    const doomed = [
      await uploadAsset(owner.key, { fields: { execution_id: "exec_bulk" } }),
      await uploadAsset(owner.key, {
        fileName: "b.mp3",
        contentType: "audio/mpeg",
        fields: { execution_id: "exec_bulk" },
      }),
    ];
    const pending = await startUpload(owner.key, {
      file_name: "c.png",
      content_type: "image/png",
      file_size: PNG_BYTES.byteLength,
      execution_id: "exec_bulk",
    });
    await putToStorage(pending.upload.url, PNG_BYTES, pending.upload.headers);
    const kept = await uploadAsset(owner.key, { fields: { execution_id: "exec_other" } });
    const foreign = await uploadAsset(other.key, { fields: { execution_id: "exec_bulk" } });

    const response = await bulkDelete(owner.key, "?execution_id=exec_bulk");
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ data: { deleted: 3, pending_storage: 0 } });

    for (const asset of [...doomed, pending.asset]) {
      expect(await storageHas(asset.storage_key)).toBe(false);
      expect((await api(`/api/v1/assets/${asset.id}`, withKey(owner.key))).status).toBe(404);
      await expectHeldUntilUploadUrlExpires(asset.storage_key, asset.created_at);
    }
    expect((await api(`/api/v1/assets/${kept.id}`, withKey(owner.key))).status).toBe(200);
    expect(await storageHas(kept.storage_key)).toBe(true);
    const foreignView = await json(await api("/api/v1/assets?execution_id=exec_bulk", withKey(other.key)));
    expect(foreignView.data.map((asset: { id: string }) => asset.id)).toEqual([foreign.id]);
    expect(await storageHas(foreign.storage_key)).toBe(true);

    const again = await bulkDelete(owner.key, "?execution_id=exec_bulk");
    expect(await json(again)).toEqual({ data: { deleted: 0, pending_storage: 0 } });
  });

  it("combines filters like the listing does", async () => {
    const { key } = await createWorkspace();
    const image = await uploadAsset(key, { fields: { provider: "fal", agent_id: "a1" } });
    const audio = await uploadAsset(key, { fileName: "v.mp3", contentType: "audio/mpeg", fields: { provider: "fal" } });
    const response = await bulkDelete(key, "?provider=fal&type=audio");
    expect(await json(response)).toEqual({ data: { deleted: 1, pending_storage: 0 } });
    expect(await storageHas(audio.storage_key)).toBe(false);
    expect(await storageHas(image.storage_key)).toBe(true);
  });

  it.each([
    ["", "query"],
    ["?exec_id=typo", "query"],
    ["?type=document", "type"],
    ["?created_after=yesterday", "created_after"],
  ])("refuses %j with 400 and deletes nothing", async (query, field) => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await bulkDelete(key, query);
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toHaveProperty(field);
    expect(await storageHas(asset.storage_key)).toBe(true);
  });

  it("removes the rows even when storage is down, and the cleanup job deletes the files later", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fields: { agent_id: "agent_outage" } });
    const response = await bulkDelete(key, "?agent_id=agent_outage", {
      ...env,
      STORAGE_ENDPOINT: "http://127.0.0.1:9",
    });
    expect(await json(response)).toEqual({ data: { deleted: 1, pending_storage: 1 } });
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    expect(await storageHas(asset.storage_key)).toBe(true);
    expect((await owedDeletion(asset.storage_key))?.attempts).toBe(1);

    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await runScheduledCleanup(Date.now() + 10 * 60_000);
    vi.restoreAllMocks();
    expect(await storageHas(asset.storage_key)).toBe(false);
    await expectHeldUntilUploadUrlExpires(asset.storage_key, asset.created_at);
  });
});
