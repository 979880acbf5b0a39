/**
 * How long an isolate may keep trusting a key it has already looked up. A key revoked by
 * another isolate keeps working there for at most this long; the isolate that revokes a key
 * forgets it at once.
 */
export const API_KEY_CACHE_TTL_MS = 30_000;

/** Bounds the memory one isolate spends on keys (oldest entries go first). */
export const API_KEY_CACHE_MAX_ENTRIES = 10_000;

/** Who a key is: its own id (recorded as `created_by_id`) and the workspace it belongs to. */
export interface KeyIdentity {
  keyId: string;
  workspaceId: string;
}

interface Entry {
  identity: KeyIdentity;
  expiresAt: number;
}

/** Isolate-local map from key hash to key identity, so authenticated requests skip a D1 read. */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private revocations = 0;

  constructor(
    private readonly ttlMs = API_KEY_CACHE_TTL_MS,
    private readonly maxEntries = API_KEY_CACHE_MAX_ENTRIES,
  ) {}

  get(keyHash: string, now = Date.now()): KeyIdentity | undefined {
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.identity;
  }

  /**
   * A stamp to take before reading D1 and hand back to `set`: a lookup that was in flight while
   * a key was revoked here must not put the revoked key back.
   */
  stamp(): number {
    return this.revocations;
  }

  set(keyHash: string, identity: KeyIdentity, stamp: number, now = Date.now()) {
    if (stamp !== this.revocations) return;
    this.entries.delete(keyHash);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(keyHash, { identity, expiresAt: now + this.ttlMs });
  }

  revoke(keyHash: string) {
    this.revocations++;
    this.entries.delete(keyHash);
  }
}

export const keyCache = new KeyCache();
