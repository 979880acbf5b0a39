import { describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  api,
  createWorkspace,
  expectStorageMatchesDatabase,
  json,
  PNG_BYTES,
  uploadAsset,
  uploadRequest,
  withKey,
} from "../support/helpers";
import { complete, pngUpload, putToStorage, startUpload } from "../support/ingest-helpers";

describe("concurrency", () => {
  it("lets exactly one of 50 concurrent deletes of one asset succeed", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" })).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    expect(statuses.filter((status) => status === 404)).toHaveLength(49);
    await expectStorageMatchesDatabase(workspaceId);
  });

  it("gives 100 concurrent uploads 100 distinct ids, all listed", async () => {
    const { key, workspaceId } = await createWorkspace();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) => uploadRequest(key, { fileName: `frame-${index}.png` })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (response) => (await json(response)).data.id)));
    expect(ids.size).toBe(100);
    const listed = await json(await api("/api/v1/assets?limit=100", withKey(key)));
    expect(listed.meta.total).toBe(100);
    expect(new Set(listed.data.map((asset: { id: string }) => asset.id))).toEqual(ids);
    await expectStorageMatchesDatabase(workspaceId);
  });

  it("makes one transition of 20 concurrent completes of one upload, answering each with the ready asset", async () => {
    const { key, workspaceId } = await createWorkspace();
    const { asset, upload } = await startUpload(key, pngUpload());
    expect((await putToStorage(upload.url, PNG_BYTES, upload.headers)).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 20 }, () => complete(key, asset.id)));
    expect(answers.map((response) => response.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(answers.map(async (response) => (await json(response)).data));
    // One transition: every answer is the same ready row, down to the updated_at it set.
    for (const body of bodies) expect(body).toEqual({ ...asset, status: "ready", updated_at: bodies[0].updated_at });
    const listed = await json(await api("/api/v1/assets", withKey(key)));
    expect(listed.data.map((item: { id: string }) => item.id)).toEqual([asset.id]);
    await expectStorageMatchesDatabase(workspaceId);
  });

  it("accepts no request with a key once its revocation has answered", async () => {
    const { key, keyId } = await createWorkspace();
    let revokedAt = Number.POSITIVE_INFINITY;
    const uses = Array.from({ length: 40 }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 2));
      const startedAt = performance.now();
      const response = await api("/api/v1/assets", withKey(key));
      return { startedAt, status: response.status };
    });
    const revocation = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const response = await api(`/api/v1/admin/api-keys/${keyId}`, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(response.status).toBe(204);
      revokedAt = performance.now();
    })();
    const [results] = await Promise.all([Promise.all(uses), revocation]);
    // The race is real only if requests started on both sides of the revocation.
    expect(results.some(({ startedAt }) => startedAt > revokedAt)).toBe(true);
    expect(results.some(({ status }) => status === 200)).toBe(true);
    for (const { startedAt, status } of results) {
      expect([200, 401]).toContain(status);
      if (startedAt > revokedAt) expect(status).toBe(401);
    }
    expect((await api("/api/v1/assets", withKey(key))).status).toBe(401);
  });
});
