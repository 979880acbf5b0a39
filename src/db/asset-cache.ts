import type { AssetRow } from "./schema";

/**
 * How long an isolate may keep serving an asset row it has already read. An asset deleted by
 * another isolate can still be signed or shown here for at most this long; the isolate that
 * deletes it forgets it at once.
 */
export const ASSET_CACHE_TTL_MS = 30_000;

/** Bounds the entries one isolate keeps (least recently used go first)... */
export const ASSET_CACHE_MAX_ENTRIES = 10_000;

/** ...and their size: metadata may be up to MAX_METADATA_BYTES per asset, and an isolate has 128 MB. */
export const ASSET_CACHE_MAX_BYTES = 16 * 1024 * 1024;

export interface AssetCacheLimits {
  ttlMs?: number;
  maxEntries?: number;
  maxBytes?: number;
  /** Milliseconds since the epoch; tests inject their own clock. */
  clock?: () => number;
}

interface Entry {
  row: AssetRow;
  expiresAt: number;
  bytes: number;
  /** `stamp()` when the row was read, to compare with later bulk deletes of its workspace. */
  stamp: number;
}

const keyOf = (workspaceId: string, id: string) => `${workspaceId}/${id}`;

/**
 * Isolate-local read-through cache of `ready` asset rows, so signing and get-one skip D1 when warm.
 * Ready rows never change except by deletion, which is why only deletion needs handling: forgetAsset
 * for one asset, forgetWorkspace when a bulk delete removed rows whose ids it does not know.
 */
export class AssetCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Counts forgets; a stamp is its value when a D1 read started. */
  private forgets = 0;
  /** Per workspace, `forgets` after its latest delete of any kind: reads begun earlier are not kept. */
  private readonly lastForget = new Map<string, number>();
  /** Per workspace, `forgets` after its latest bulk delete: entries read earlier are stale. */
  private readonly lastBulkForget = new Map<string, number>();
  /** Reads begun before the per-workspace marks were last cleared are not kept for any workspace. */
  private floor = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly clock: () => number;

  constructor(limits: AssetCacheLimits = {}) {
    this.ttlMs = limits.ttlMs ?? ASSET_CACHE_TTL_MS;
    this.maxEntries = limits.maxEntries ?? ASSET_CACHE_MAX_ENTRIES;
    this.maxBytes = limits.maxBytes ?? ASSET_CACHE_MAX_BYTES;
    this.clock = limits.clock ?? (() => Date.now());
  }

  get size() {
    return this.entries.size;
  }

  get(workspaceId: string, id: string): AssetRow | undefined {
    const key = keyOf(workspaceId, id);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock() || entry.stamp < (this.lastBulkForget.get(workspaceId) ?? 0)) {
      this.drop(key, entry);
      return undefined;
    }
    // Re-inserting moves the entry to the end of the Map's order: eviction takes the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.row;
  }

  /**
   * A stamp to take before reading D1 and hand back to `set`: a read that was in flight while
   * its workspace lost an asset here must not put that asset back.
   */
  stamp(): number {
    return this.forgets;
  }

  /** Keeps a ready, unexpired row until the TTL or its own expiry, whichever comes first. */
  set(row: AssetRow, stamp: number) {
    if (row.status !== "ready" || this.maxEntries === 0) return;
    if (stamp < this.floor || stamp < (this.lastForget.get(row.workspaceId) ?? 0)) return;
    const now = this.clock();
    const rowExpiry = row.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(row.expiresAt);
    const expiresAt = Math.min(now + this.ttlMs, rowExpiry);
    if (expiresAt <= now) return;
    const key = keyOf(row.workspaceId, row.id);
    const existing = this.entries.get(key);
    if (existing) this.drop(key, existing);
    const entry = { row, expiresAt, bytes: approximateBytes(row), stamp };
    if (entry.bytes > this.maxBytes) return;
    while (this.entries.size >= this.maxEntries || this.bytes + entry.bytes > this.maxBytes) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      this.drop(...oldest.value);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  /** Called right after an asset's row is removed, by every use case that removes one. */
  forgetAsset(workspaceId: string, id: string) {
    this.noteForget(workspaceId);
    const key = keyOf(workspaceId, id);
    const entry = this.entries.get(key);
    if (entry) this.drop(key, entry);
  }

  /** Called right after rows of a workspace were removed without knowing which (bulk delete). */
  forgetWorkspace(workspaceId: string) {
    this.noteForget(workspaceId);
    this.lastBulkForget.set(workspaceId, this.forgets);
  }

  private noteForget(workspaceId: string) {
    this.forgets++;
    // The per-workspace marks are bounded too: past the limit, forgetting everything is the safe answer.
    if (this.lastForget.size >= Math.max(1, this.maxEntries) && !this.lastForget.has(workspaceId)) this.reset();
    this.lastForget.set(workspaceId, this.forgets);
  }

  private reset() {
    this.entries.clear();
    this.bytes = 0;
    this.lastForget.clear();
    this.lastBulkForget.clear();
    this.floor = this.forgets;
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** Rough in-memory size: the row as JSON (strings dominate), counted at two bytes a character. */
function approximateBytes(row: AssetRow): number {
  return JSON.stringify(row).length * 2;
}

export const assetCache = new AssetCache();
