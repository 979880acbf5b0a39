import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { type ApiKeyRow, apiKeys } from "../db/schema";
import { hex } from "../encoding";
import { newId } from "../ids";
import { type KeyIdentity, keyCache } from "./key-cache";

const KEY_PREFIX = "ak_";
const DISPLAY_PREFIX_LENGTH = 11;

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return hex(digest);
}

/** 32 random bytes, base64url: unguessable, header-safe and easy to copy. */
export function generateKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return KEY_PREFIX + base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function createApiKey(db: Database, workspaceId: string, name: string) {
  const key = generateKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId(),
      workspaceId,
      name,
      keyHash: await sha256Hex(key),
      keyPrefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
      createdAt: new Date().toISOString(),
    })
    .returning();
  return { row: row as ApiKeyRow, key };
}

export async function listApiKeys(db: Database, workspaceId?: string) {
  return db
    .select()
    .from(apiKeys)
    .where(workspaceId ? eq(apiKeys.workspaceId, workspaceId) : undefined)
    .orderBy(desc(apiKeys.id));
}

/** Returns the revoked row, or null when there is no such key. Revoking twice is harmless. */
export async function revokeApiKey(db: Database, id: string) {
  const existing = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, id) });
  if (!existing) return null;
  const [revoked] = existing.revokedAt
    ? [existing]
    : await db.update(apiKeys).set({ revokedAt: new Date().toISOString() }).where(eq(apiKeys.id, id)).returning();
  // After the write, so no lookup in this isolate can cache the key again; also when another
  // isolate revoked it first and this one still trusts it.
  keyCache.revoke(existing.keyHash);
  return revoked ?? existing;
}

/**
 * The identity of a presented key (its id and workspace), or null for unknown and revoked keys. Known
 * keys are cached per isolate (see key-cache.ts for how revocation stays bounded); unknown ones are not.
 */
export async function identifyKey(db: Database, key: string): Promise<(KeyIdentity & { keyHash: string }) | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const keyHash = await sha256Hex(key);
  const cached = keyCache.get(keyHash);
  if (cached) return { ...cached, keyHash };
  const stamp = keyCache.stamp();
  const row = await db.query.apiKeys.findFirst({
    columns: { id: true, workspaceId: true },
    where: and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)),
  });
  if (!row) return null;
  const identity = { keyId: row.id, workspaceId: row.workspaceId };
  keyCache.set(keyHash, identity, stamp);
  return { ...identity, keyHash };
}
