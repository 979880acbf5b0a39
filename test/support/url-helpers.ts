import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { type Config, loadConfig } from "../../src/config";
import type { AssetRow } from "../../src/db/schema";
import { PNG_BYTES } from "./helpers";

export const WINDOW = Number(env.SIGNED_URL_WINDOW);

/** X-Amz-Expires for a lifetime: it plus the signing window, which is at most a tenth of it. */
export function stretched(expiresIn: number): number {
  return expiresIn + Math.min(WINDOW, Math.floor(expiresIn / 10));
}

/** The test Worker's configuration with some settings changed, parsed like the Worker parses it. */
export function configWith(overrides: Partial<Record<"SIGNED_URL_WINDOW" | "SIGNED_URL_TTL", string>> = {}): Config {
  const loaded = loadConfig({ ...env, ...overrides });
  if (!loaded.ok) throw new Error(`invalid test configuration: ${JSON.stringify(loaded.problems)}`);
  return loaded.config;
}

/** X-Amz-Date of a presigned URL, in milliseconds. */
export function signedAtMs(url: string): number {
  const stamp = new URL(url).searchParams.get("X-Amz-Date") ?? "";
  return Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
}

export function signedLifetime(url: string): number {
  return Number(new URL(url).searchParams.get("X-Amz-Expires"));
}

/** Storage (the real local S3 server) serves the exact uploaded bytes for this URL. */
export async function expectDownload(url: string, bytes: Uint8Array = PNG_BYTES) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
}

/** A complete asset row for calling services directly. */
export function assetRow(storageKey: string, fileName: string): AssetRow {
  return {
    id: storageKey.split("/")[1] ?? "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT",
    workspaceId: storageKey.split("/")[0] ?? "ws_1",
    executionId: null,
    agentId: null,
    type: "image",
    provider: "upload",
    fileName,
    fileSize: PNG_BYTES.byteLength,
    contentType: "image/png",
    storageKey,
    metadata: {},
    createdAt: new Date().toISOString(),
    status: "ready",
    expiresAt: null,
    uploadId: null,
    partSize: null,
    model: null,
    prompt: null,
    config: null,
    updatedAt: null,
    createdById: null,
  };
}
