import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deleteAsset } from "../../src/assets/delete-asset";
import { requireAsset, signAssetBatch, signAssetById } from "../../src/assets/reads";
import { ASSET_CACHE_TTL_MS, AssetCache } from "../../src/db/asset-cache";
import { createServices } from "../../src/services";
import { ADMIN_TOKEN, api, createWorkspace, json, storageHas, uploadAsset, withKey } from "../support/helpers";
import { expectDownload } from "../support/url-helpers";

afterEach(() => {
  vi.useRealTimers();
});

/** The real local D1, counting the statements it is asked to prepare. */
function countingD1() {
  const counter = { queries: 0 };
  const d1 = new Proxy(env.DB, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          counter.queries++;
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1, counter };
}

/** One isolate as the use cases see it: its own cache on a clock the test moves. */
function isolate(start = Date.now()) {
  const time = { now: start };
  const { d1, counter } = countingD1();
  const services = { ...createServices(env, d1), assetCache: new AssetCache({ clock: () => time.now }) };
  return { services, time, counter };
}

/** What a delete in another isolate looks like from here: the row goes, this cache does not change. */
const removeRowElsewhere = (id: string) => env.DB.prepare("DELETE FROM assets WHERE id = ?").bind(id).run();

const signedUrl = (key: string, id: string) => api(`/api/v1/assets/${id}/signed-url`, withKey(key));

describe("cached asset reads", () => {
  it("serves a warm signed URL and get-one without touching D1, until the TTL", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const { services, time, counter } = isolate();
    const first = await signAssetById(services, workspaceId, { id: asset.id, now: time.now });
    expect(counter.queries).toBe(1);
    const again = await signAssetById(services, workspaceId, { id: asset.id, now: time.now });
    expect((await requireAsset(services, workspaceId, asset.id)).storageKey).toBe(asset.storage_key);
    expect(counter.queries).toBe(1);
    expect(again.url).toBe(first.url);

    time.now += ASSET_CACHE_TTL_MS - 1;
    await requireAsset(services, workspaceId, asset.id);
    expect(counter.queries).toBe(1);
    time.now += 1;
    await requireAsset(services, workspaceId, asset.id);
    expect(counter.queries).toBe(2);
  });

  it("over HTTP: a row removed behind the cache's back is still served from it, then 404 after the TTL", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    expect((await signedUrl(key, asset.id)).status).toBe(200);
    await removeRowElsewhere(asset.id);
    expect((await signedUrl(key, asset.id)).status).toBe(200);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + ASSET_CACHE_TTL_MS);
    expect((await signedUrl(key, asset.id)).status).toBe(404);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
  });

  it("makes a delete visible at once in the isolate that made it, and the URLs signed before reach nothing", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const before = (await json(await signedUrl(key, asset.id))).data.url;
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(200);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }))).status).toBe(204);
    expect((await signedUrl(key, asset.id)).status).toBe(404);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    expect((await fetch(before)).status).toBe(404);
  });

  it("drops a workspace's rows at once after a bulk delete in this isolate", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fields: { execution_id: "exec_cached" } });
    expect((await signedUrl(key, asset.id)).status).toBe(200);
    const bulk = await api("/api/v1/assets?execution_id=exec_cached", withKey(key, { method: "DELETE" }));
    expect((await json(bulk)).data.deleted).toBe(1);
    expect((await signedUrl(key, asset.id)).status).toBe(404);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
  });

  it("lets another isolate sign a deleted asset only within the TTL, and such a URL reaches no object", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const here = isolate();
    const elsewhere = isolate(here.time.now);
    await expectDownload((await signAssetById(elsewhere.services, workspaceId, { id: asset.id, now: Date.now() })).url);
    await requireAsset(here.services, workspaceId, asset.id);

    expect((await deleteAsset(here.services, workspaceId, asset.id))?.row.id).toBe(asset.id);
    expect(await storageHas(asset.storage_key)).toBe(false);
    await expect(requireAsset(here.services, workspaceId, asset.id)).rejects.toMatchObject({ code: "not_found" });

    const stale = await signAssetById(elsewhere.services, workspaceId, { id: asset.id, now: Date.now() });
    expect([403, 404]).toContain((await fetch(stale.url)).status);
    elsewhere.time.now += ASSET_CACHE_TTL_MS;
    await expect(requireAsset(elsewhere.services, workspaceId, asset.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("does not keep a row whose read was in flight while this isolate deleted it", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const { services, counter } = isolate();
    // The read takes its stamp and starts its query; the delete lands before the answer does.
    const inFlight = requireAsset(services, workspaceId, asset.id);
    services.assetCache.forgetAsset(workspaceId, asset.id);
    expect((await inFlight).id).toBe(asset.id);
    expect(services.assetCache.get(workspaceId, asset.id)).toBeUndefined();
    await requireAsset(services, workspaceId, asset.id);
    expect(counter.queries).toBe(2);
  });

  it("answers 404 for an asset past its expires_at even while its row is cached", async () => {
    const { key } = await createWorkspace();
    const expiresAt = new Date(Date.now() + 5_000).toISOString();
    const asset = await uploadAsset(key, { fields: { expires_at: expiresAt } });
    expect((await signedUrl(key, asset.id)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse(expiresAt));
    expect((await signedUrl(key, asset.id)).status).toBe(404);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
  });

  it("still authenticates every cached read: a revoked key gets 401", async () => {
    const { key, keyId } = await createWorkspace();
    const asset = await uploadAsset(key);
    expect((await signedUrl(key, asset.id)).status).toBe(200);
    const revoked = await api(`/api/v1/admin/api-keys/${keyId}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(revoked.status).toBe(204);
    expect((await signedUrl(key, asset.id)).status).toBe(401);
  });

  it("keeps another workspace's cached asset a 404", async () => {
    const owner = await createWorkspace("owner");
    const other = await createWorkspace("other");
    const asset = await uploadAsset(owner.key);
    expect((await signedUrl(owner.key, asset.id)).status).toBe(200);
    expect((await signedUrl(other.key, asset.id)).status).toBe(404);
  });

  it("signs a batch of warm ids without a query, and queries only for the cold ones", async () => {
    const { key, workspaceId } = await createWorkspace();
    const [warm, cold] = [await uploadAsset(key), await uploadAsset(key)];
    const { services, counter } = isolate();
    await requireAsset(services, workspaceId, warm.id);
    const warmOnly = await signAssetBatch(services, workspaceId, { ids: [warm.id, warm.id], now: Date.now() });
    expect(warmOnly.every((item) => "url" in item)).toBe(true);
    expect(counter.queries).toBe(1);
    const mixed = await signAssetBatch(services, workspaceId, { ids: [cold.id, warm.id], now: Date.now() });
    expect(mixed.map((item) => ("url" in item ? item.id : "error"))).toEqual([cold.id, warm.id]);
    expect(counter.queries).toBe(2);
    await signAssetBatch(services, workspaceId, { ids: [cold.id, warm.id], now: Date.now() });
    expect(counter.queries).toBe(2);
  });
});
