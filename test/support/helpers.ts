import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { AwsClient } from "aws4fetch";
import { expect } from "vitest";
import { createApp } from "../../src/app";

export const ADMIN_TOKEN = env.ADMIN_TOKEN;

export function api(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`http://assets.test${path}`, init));
}

const app = createApp();

/** Calls the app with other bindings, e.g. storage behind a fault proxy or broken settings. */
export function apiWithEnv(environment: Env, path: string, init: RequestInit = {}): Promise<Response> {
  return Promise.resolve(
    app.fetch(new Request(`http://assets.test${path}`, init), environment, createExecutionContext()),
  );
}

export function withKey(key: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), "X-API-Key": key } };
}

export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

let workspaceCounter = 0;

/** A fresh workspace per test keeps tests independent of each other and of order. */
export async function createWorkspace(prefix = "ws") {
  const workspaceId = `${prefix}_${Date.now().toString(36)}_${(workspaceCounter++).toString(36)}${crypto.randomUUID().slice(0, 6)}`;
  const response = await api("/api/v1/admin/api-keys", {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ workspace_id: workspaceId, name: "test" }),
  });
  expect(response.status).toBe(201);
  const { data } = await json(response);
  return { workspaceId, key: data.key as string, keyId: data.id as string };
}

export interface UploadOptions {
  bytes?: Uint8Array;
  fileName?: string;
  contentType?: string;
  fields?: Record<string, string>;
  /** Sends the fields before the file, the recommended order (the default sends them after). */
  fieldsFirst?: boolean;
}

export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49,
  0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d,
  0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

export function uploadForm(options: UploadOptions = {}): FormData {
  const form = new FormData();
  const bytes = options.bytes ?? PNG_BYTES;
  const appendFields = () => {
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  };
  if (options.fieldsFirst) appendFields();
  form.append(
    "file",
    new File([bytes], options.fileName ?? "picture.png", { type: options.contentType ?? "image/png" }),
  );
  if (!options.fieldsFirst) appendFields();
  return form;
}

export function uploadRequest(key: string, options: UploadOptions = {}) {
  return api("/api/v1/assets", withKey(key, { method: "POST", body: uploadForm(options) }));
}

export async function uploadAsset(key: string, options: UploadOptions = {}) {
  const response = await uploadRequest(key, options);
  expect(response.status).toBe(201);
  return (await json(response)).data;
}

/** Ids in listing order: newest `created_at` first, ties broken by the greater id. */
export function newestFirst(assets: { id: string; created_at: string }[]): string[] {
  const order = (a: { id: string; created_at: string }, b: { id: string; created_at: string }) =>
    b.created_at.localeCompare(a.created_at) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
  return [...assets].sort(order).map((asset) => asset.id);
}

/** Talks to the local S3 server directly, to check what storage itself holds. */
export const s3 = new AwsClient({
  accessKeyId: env.STORAGE_ACCESS_KEY_ID,
  secretAccessKey: env.STORAGE_SECRET_KEY,
  region: env.STORAGE_REGION,
  service: "s3",
});

export function objectUrl(storageKey: string): string {
  return `${env.STORAGE_ENDPOINT}/${env.STORAGE_BUCKET}/${storageKey}`;
}

export async function storageHas(storageKey: string): Promise<boolean> {
  const response = await s3.fetch(objectUrl(storageKey), { method: "HEAD" });
  if (response.status !== 200 && response.status !== 404) {
    throw new Error(`unexpected HEAD status ${response.status}`);
  }
  return response.status === 200;
}

/** Every object key stored under a prefix, straight from the S3 server's own listing. */
export async function bucketKeys(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const url = new URL(`${env.STORAGE_ENDPOINT}/${env.STORAGE_BUCKET}`);
    url.searchParams.set("list-type", "2");
    url.searchParams.set("prefix", prefix);
    if (token) url.searchParams.set("continuation-token", token);
    const response = await s3.fetch(url);
    expect(response.status).toBe(200);
    const xml = await response.text();
    keys.push(...[...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1] ?? ""));
    token = /<NextContinuationToken>([^<]+)<\/NextContinuationToken>/.exec(xml)?.[1];
  } while (token);
  return keys.sort();
}

/**
 * No ready row without its object, and no object without its row, for one workspace. (A pending
 * direct upload may not have its object yet.) With `allowOwed`, an object may instead belong to a
 * deletion the cleanup job still owes: what a storage fault is allowed to leave behind.
 */
export async function expectStorageMatchesDatabase(workspaceId: string, { allowOwed = false } = {}) {
  const { results } = await env.DB.prepare("SELECT storage_key, status FROM assets WHERE workspace_id = ?")
    .bind(workspaceId)
    .all<{ storage_key: string; status: string }>();
  const stored = await bucketKeys(`${workspaceId}/`);
  const accounted = new Set(results.map((row) => row.storage_key));
  if (allowOwed) {
    const owed = await env.DB.prepare("SELECT storage_key FROM storage_deletions WHERE storage_key LIKE ?")
      .bind(`${workspaceId}/%`)
      .all<{ storage_key: string }>();
    for (const row of owed.results) accounted.add(row.storage_key);
  }
  expect(stored.filter((key) => !accounted.has(key))).toEqual([]);
  const readyKeys = results.filter((row) => row.status === "ready").map((row) => row.storage_key);
  expect(readyKeys.filter((key) => !stored.includes(key))).toEqual([]);
}
