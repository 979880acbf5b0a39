import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { loadConfig } from "../../src/config";
import worker from "../../src/index";
import { api, expectStorageMatchesDatabase, json, PNG_BYTES, withKey } from "./helpers";

export function postJson(key: string, path: string, body: unknown): Promise<Response> {
  return api(
    path,
    withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}

export function importFrom(key: string, body: Record<string, unknown>): Promise<Response> {
  return postJson(key, "/api/v1/assets/import", body);
}

/** A direct upload request for PNG_BYTES. */
export const pngUpload = (extra: Record<string, unknown> = {}) => ({
  file_name: "render.png",
  content_type: "image/png",
  file_size: PNG_BYTES.byteLength,
  ...extra,
});

/** Starts a direct upload and returns the pending asset with its upload instructions. */
export async function startUpload(key: string, body: Record<string, unknown>) {
  const response = await postJson(key, "/api/v1/assets/uploads", body);
  expect(response.status).toBe(201);
  return (await json(response)).data;
}

/** What a browser does with a presigned URL: PUT the bytes straight to storage. */
export function putToStorage(url: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  return fetch(url, { method: "PUT", headers, body: bytes });
}

export function complete(key: string, id: string, body?: unknown): Promise<Response> {
  return body === undefined
    ? api(`/api/v1/assets/${id}/complete`, withKey(key, { method: "POST" }))
    : postJson(key, `/api/v1/assets/${id}/complete`, body);
}

/** Signs a download URL for the asset and fetches its bytes from storage. */
export async function downloadBytes(key: string, id: string): Promise<Uint8Array> {
  const signed = await api(`/api/v1/assets/${id}/signed-url`, withKey(key));
  expect(signed.status).toBe(200);
  const download = await fetch((await json(signed)).data.url);
  expect(download.status).toBe(200);
  return new Uint8Array(await download.arrayBuffer());
}

/** Runs the cron handler as Cloudflare would, at `scheduledTime`, optionally with other bindings. */
export async function runScheduledCleanup(scheduledTime = Date.now(), environment: Env = env) {
  const controller = createScheduledController({ scheduledTime, cron: "*/15 * * * *" });
  await worker.scheduled(controller, environment);
}

export interface OwedDeletion {
  storage_key: string;
  upload_id: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
}

export async function owedDeletion(storageKey: string): Promise<OwedDeletion | null> {
  return env.DB.prepare("SELECT * FROM storage_deletions WHERE storage_key = ?").bind(storageKey).first<OwedDeletion>();
}

export async function assetRow(id: string) {
  return env.DB.prepare("SELECT id, status FROM assets WHERE id = ?").bind(id).first<{ id: string; status: string }>();
}

export const sourceUrl = (path: string) => `${env.TEST_SOURCE_URL}${path}`;

export async function owedDeletionsUnder(prefix: string): Promise<OwedDeletion[]> {
  const { results } = await env.DB.prepare("SELECT * FROM storage_deletions WHERE storage_key LIKE ?")
    .bind(`${prefix}/%`)
    .all<OwedDeletion>();
  return results;
}

/** Once storage is back, the cleanup job settles every debt: the bucket matches D1 exactly. */
export async function settleAndCompare(workspaceId: string) {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  await runScheduledCleanup(Date.now() + 2 * 24 * 3600 * 1000);
  vi.restoreAllMocks();
  expect(await owedDeletionsUnder(workspaceId)).toEqual([]);
  await expectStorageMatchesDatabase(workspaceId);
}

/**
 * Storage confirmed the deletion, but the key stays watched until a presigned PUT can no longer
 * write it: its asset's creation plus UPLOAD_URL_TTL (as configured) and a 60 s margin.
 */
export async function expectHeldUntilUploadUrlExpires(storageKey: string, createdAt: string) {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`test configuration: ${JSON.stringify(loaded.problems)}`);
  const owed = await owedDeletion(storageKey);
  expect(owed?.last_error).toBeNull();
  const createdSecond = Math.floor(Date.parse(createdAt) / 1000) * 1000;
  const until = createdSecond + loaded.config.UPLOAD_URL_TTL * 1000 + 60_000;
  expect(owed?.next_attempt_at).toBe(new Date(until).toISOString());
}

/**
 * Storage confirmed every deletion the workspace owed, and the keys stay watched only in case a
 * write still in flight lands late: no error, next attempt in the future.
 */
export async function expectOnlyHeldKeys(workspaceId: string) {
  const owed = await owedDeletionsUnder(workspaceId);
  for (const row of owed) {
    expect(row.last_error).toBeNull();
    expect(Date.parse(row.next_attempt_at)).toBeGreaterThan(Date.now());
  }
}
