import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sha256Hex } from "../../src/auth/api-keys";
import { API_KEY_CACHE_TTL_MS, KeyCache, keyCache } from "../../src/auth/key-cache";
import { ADMIN_TOKEN, api, createWorkspace, withKey } from "../support/helpers";

const revokeViaApi = (keyId: string) =>
  api(`/api/v1/admin/api-keys/${keyId}`, { method: "DELETE", headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });

/** What another isolate's revocation looks like from here: the row changes, this cache does not. */
const revokeElsewhere = (keyId: string) =>
  env.DB.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ?").bind(new Date().toISOString(), keyId).run();

const status = async (key: string) => (await api("/api/v1/assets", withKey(key))).status;

afterEach(() => {
  vi.useRealTimers();
});

describe("API key cache", () => {
  it("keeps revocation through the API immediate while the key is cached", async () => {
    const { key, keyId, workspaceId } = await createWorkspace();
    expect(await status(key)).toBe(200);
    expect(keyCache.get(await sha256Hex(key))).toEqual({ keyId, workspaceId });
    expect((await revokeViaApi(keyId)).status).toBe(204);
    expect(keyCache.get(await sha256Hex(key))).toBeUndefined();
    expect(await status(key)).toBe(401);
  });

  it("honours a revocation made by another isolate within the TTL, and at once when revoked here too", async () => {
    const first = await createWorkspace();
    expect(await status(first.key)).toBe(200);
    await revokeElsewhere(first.keyId);
    // Bounded staleness: this isolate still trusts its cached lookup...
    expect(await status(first.key)).toBe(200);
    // ...until the TTL has passed.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + API_KEY_CACHE_TTL_MS);
    expect(await status(first.key)).toBe(401);
    vi.useRealTimers();

    const second = await createWorkspace();
    expect(await status(second.key)).toBe(200);
    await revokeElsewhere(second.keyId);
    expect((await revokeViaApi(second.keyId)).status).toBe(204);
    expect(await status(second.key)).toBe(401);
  });

  it("does not cache unknown keys", async () => {
    const unknown = `ak_${"x".repeat(43)}`;
    expect(await status(unknown)).toBe(401);
    expect(keyCache.get(await sha256Hex(unknown))).toBeUndefined();
  });
});

const who = (workspaceId: string) => ({ keyId: `key_${workspaceId}`, workspaceId });

describe("KeyCache", () => {
  it("keeps an entry for at most the TTL, which is at most a minute", () => {
    expect(API_KEY_CACHE_TTL_MS).toBeLessThanOrEqual(60_000);
    const cache = new KeyCache(1000);
    cache.set("h", who("ws_a"), cache.stamp(), 5000);
    expect(cache.get("h", 5999)).toEqual(who("ws_a"));
    expect(cache.get("h", 6000)).toBeUndefined();
  });

  it("ignores a lookup that was in flight while a key was revoked", () => {
    const cache = new KeyCache(1000);
    const stamp = cache.stamp();
    cache.revoke("h");
    cache.set("h", who("ws_a"), stamp, 0);
    expect(cache.get("h", 1)).toBeUndefined();
    cache.set("h", who("ws_a"), cache.stamp(), 0);
    expect(cache.get("h", 1)).toEqual(who("ws_a"));
  });

  it("evicts the oldest entry when full", () => {
    const cache = new KeyCache(1000, 2);
    for (const hash of ["a", "b", "c"]) cache.set(hash, who(`ws_${hash}`), cache.stamp(), 0);
    expect([cache.get("a", 1), cache.get("b", 1), cache.get("c", 1)]).toEqual([undefined, who("ws_b"), who("ws_c")]);
  });
});
