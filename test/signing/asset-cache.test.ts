import { describe, expect, it } from "vitest";
import { ASSET_CACHE_TTL_MS, AssetCache } from "../../src/db/asset-cache";
import type { AssetRow } from "../../src/db/schema";
import { assetRow } from "../support/url-helpers";

/** A cache on a clock the test moves by hand. */
function cacheAt(start = 1_000_000, limits: { ttlMs?: number; maxEntries?: number; maxBytes?: number } = {}) {
  const time = { now: start };
  const cache = new AssetCache({ ttlMs: 1000, ...limits, clock: () => time.now });
  return { cache, time };
}

const row = (workspaceId: string, id: string, changes: Partial<AssetRow> = {}): AssetRow => ({
  ...assetRow(`${workspaceId}/${id}`, "picture.png"),
  ...changes,
});

describe("AssetCache", () => {
  it("keeps a ready row for at most the TTL, which is at most 30 seconds", () => {
    expect(ASSET_CACHE_TTL_MS).toBeLessThanOrEqual(30_000);
    const { cache, time } = cacheAt();
    cache.set(row("ws_a", "a1"), cache.stamp());
    time.now += 999;
    expect(cache.get("ws_a", "a1")?.id).toBe("a1");
    time.now += 1;
    expect(cache.get("ws_a", "a1")).toBeUndefined();
  });

  it("never serves a row past its own expires_at, however young the entry", () => {
    const { cache, time } = cacheAt(0, { ttlMs: 30_000 });
    cache.set(row("ws_a", "a1", { expiresAt: new Date(500).toISOString() }), cache.stamp());
    time.now = 499;
    expect(cache.get("ws_a", "a1")?.id).toBe("a1");
    time.now = 500;
    expect(cache.get("ws_a", "a1")).toBeUndefined();
    cache.set(row("ws_a", "a2", { expiresAt: new Date(400).toISOString() }), cache.stamp());
    expect(cache.get("ws_a", "a2")).toBeUndefined();
  });

  it("keeps only ready rows, and rows of one workspace apart from another's", () => {
    const { cache } = cacheAt();
    cache.set(row("ws_a", "a1", { status: "pending" }), cache.stamp());
    expect(cache.get("ws_a", "a1")).toBeUndefined();
    cache.set(row("ws_a", "a2"), cache.stamp());
    expect(cache.get("ws_b", "a2")).toBeUndefined();
    expect(cache.get("ws_a", "a2")?.workspaceId).toBe("ws_a");
  });

  it("forgets one asset at once, and a read in flight meanwhile does not put it back", () => {
    const { cache } = cacheAt();
    cache.set(row("ws_a", "a1"), cache.stamp());
    const inFlight = cache.stamp();
    cache.forgetAsset("ws_a", "a1");
    expect(cache.get("ws_a", "a1")).toBeUndefined();
    cache.set(row("ws_a", "a1"), inFlight);
    expect(cache.get("ws_a", "a1")).toBeUndefined();
    // Another workspace's reads are unaffected, and reads begun after the delete are kept.
    cache.set(row("ws_b", "b1"), inFlight);
    expect(cache.get("ws_b", "b1")?.id).toBe("b1");
    cache.set(row("ws_a", "a2"), cache.stamp());
    expect(cache.get("ws_a", "a2")?.id).toBe("a2");
  });

  it("drops every row of a workspace after a bulk delete, without knowing their ids", () => {
    const { cache } = cacheAt();
    for (const id of ["a1", "a2"]) cache.set(row("ws_a", id), cache.stamp());
    cache.set(row("ws_b", "b1"), cache.stamp());
    const inFlight = cache.stamp();
    cache.forgetWorkspace("ws_a");
    expect([cache.get("ws_a", "a1"), cache.get("ws_a", "a2")]).toEqual([undefined, undefined]);
    expect(cache.get("ws_b", "b1")?.id).toBe("b1");
    cache.set(row("ws_a", "a3"), inFlight);
    expect(cache.get("ws_a", "a3")).toBeUndefined();
    cache.set(row("ws_a", "a3"), cache.stamp());
    expect(cache.get("ws_a", "a3")?.id).toBe("a3");
  });

  it("evicts the least recently used entry when full", () => {
    const { cache } = cacheAt(0, { maxEntries: 2 });
    cache.set(row("ws_a", "a1"), cache.stamp());
    cache.set(row("ws_a", "a2"), cache.stamp());
    expect(cache.get("ws_a", "a1")?.id).toBe("a1");
    cache.set(row("ws_a", "a3"), cache.stamp());
    expect([cache.get("ws_a", "a1")?.id, cache.get("ws_a", "a2"), cache.get("ws_a", "a3")?.id]).toEqual([
      "a1",
      undefined,
      "a3",
    ]);
    expect(cache.size).toBe(2);
  });

  it("bounds its memory: large rows push out old ones, and one larger than the budget is not kept", () => {
    const { cache } = cacheAt(0, { maxBytes: 20_000 });
    const large = (id: string) => row("ws_a", id, { metadata: { note: "x".repeat(4000) } });
    for (const id of ["a1", "a2", "a3"]) cache.set(large(id), cache.stamp());
    expect(cache.get("ws_a", "a1")).toBeUndefined();
    expect(cache.get("ws_a", "a3")?.id).toBe("a3");
    cache.set(row("ws_a", "huge", { metadata: { note: "x".repeat(20_000) } }), cache.stamp());
    expect(cache.get("ws_a", "huge")).toBeUndefined();
    expect(cache.get("ws_a", "a3")?.id).toBe("a3");
  });

  it("keeps nothing when its size is 0", () => {
    const { cache } = cacheAt(0, { maxEntries: 0 });
    cache.set(row("ws_a", "a1"), cache.stamp());
    expect(cache.get("ws_a", "a1")).toBeUndefined();
  });

  it("stays correct when the per-workspace delete marks overflow", () => {
    const { cache } = cacheAt(0, { maxEntries: 2 });
    cache.set(row("ws_a", "a1"), cache.stamp());
    const inFlight = cache.stamp();
    for (const workspace of ["ws_x", "ws_y", "ws_z"]) cache.forgetAsset(workspace, "gone");
    cache.set(row("ws_y", "y1"), inFlight);
    expect(cache.get("ws_y", "y1")).toBeUndefined();
    cache.set(row("ws_y", "y1"), cache.stamp());
    expect(cache.get("ws_y", "y1")?.id).toBe("y1");
  });
});
