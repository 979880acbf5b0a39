import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { AssetServiceError, type ClientOptions, createClient, type FetchLike } from "agent-asset-service/client";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createWorkspace, PNG_BYTES, uploadAsset } from "./helpers";
import { expectDownload, signedLifetime, WINDOW } from "./url-helpers";

const BASE_URL = "http://assets.test";
const toWorker: FetchLike = (input, init) => exports.default.fetch(new Request(input, init));

interface Sent {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** Forwards to the running Worker, recording each request (after `failFirst` lost connections). */
function recording(failFirst = 0, target: FetchLike = toWorker) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    sent.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.headers.get("Content-Type")?.startsWith("application/json") ? await request.clone().text() : "",
    });
    if (sent.length <= failFirst) throw new TypeError("Network connection lost.");
    return target(input, init);
  };
  return { sent, fetch };
}

function clientFor(apiKey: string, options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl: BASE_URL, apiKey, fetch: toWorker, retry: { minDelayMs: 1 }, ...options });
}

async function failure(promise: Promise<unknown>): Promise<AssetServiceError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AssetServiceError)) throw new Error(`expected an AssetServiceError, got ${outcome}`);
  return outcome;
}

describe("the typed client against the running Worker", () => {
  it("uploads, reads, signs, lists and deletes", async () => {
    const { key, workspaceId } = await createWorkspace();
    const { assets } = clientFor(key);
    const file = new File([PNG_BYTES], "dawn.png", { type: "image/png" });
    const asset = await assets.upload({ file, provider: "fal", metadata: { prompt: "dawn", seed: 3 } });
    expect(asset).toMatchObject({
      workspace_id: workspaceId,
      file_name: "dawn.png",
      metadata: { prompt: "dawn", seed: 3 },
    });

    const named = await assets.upload({ file: new Blob([PNG_BYTES], { type: "image/png" }), file_name: "blob.png" });
    expect(named.file_name).toBe("blob.png");

    expect(await assets.get(asset.id)).toEqual(asset);
    const signed = await assets.getSignedUrl(asset.id, { expires_in: 120 });
    expect(signed.expires_in).toBe(120);
    expect(signedLifetime(signed.url)).toBe(120 + WINDOW);
    await expectDownload(signed.url);

    const [first, second] = await assets.getSignedUrls([asset.id, "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT"]);
    expect(first && "url" in first).toBe(true);
    expect(second).toEqual({
      id: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT",
      error: { code: "not_found", message: "Asset not found." },
    });

    const page = await assets.list({ provider: "fal", include: "signed_url" });
    expect(page.meta.total).toBe(1);
    await expectDownload(page.data[0]?.signed_url ?? "");

    await assets.delete(asset.id);
    const gone = await failure(assets.get(asset.id));
    expect(gone).toMatchObject({ status: 404, code: "not_found", message: "Asset not found.", attempts: 1 });
  });

  it("iterates over every page with cursors", async () => {
    const { key } = await createWorkspace();
    const created = [];
    for (let index = 0; index < 5; index++) created.push((await uploadAsset(key)).id);
    const { sent, fetch } = recording();
    const seen: string[] = [];
    for await (const asset of clientFor(key, { fetch }).assets.listAll({ limit: 2 })) seen.push(asset.id);
    expect(seen).toEqual(created.sort().reverse());
    expect(sent).toHaveLength(3);
    expect(new URL(sent[2]?.url ?? "").searchParams.get("cursor")).toBe(seen[3]);
  });

  it("throws typed errors with status, code and details", async () => {
    const { key } = await createWorkspace();
    const invalid = await failure(clientFor(key).assets.list({ limit: 500 }));
    expect(invalid).toMatchObject({ name: "AssetServiceError", status: 400, code: "invalid_request" });
    expect(invalid.details).toHaveProperty("limit");
    const unauthorized = await failure(clientFor("ak_wrong").assets.get("2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT"));
    expect(unauthorized).toMatchObject({ status: 401, code: "unauthorized" });
  });

  it("retries lost connections with backoff, within the limit", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const flaky = recording(2);
    expect(await clientFor(key, { fetch: flaky.fetch }).assets.get(asset.id)).toEqual(asset);
    expect(flaky.sent).toHaveLength(3);

    const down = recording(10);
    const lost = await failure(
      clientFor(key, { fetch: down.fetch, retry: { retries: 1, minDelayMs: 1 } }).assets.get(asset.id),
    );
    expect(lost).toMatchObject({ status: 0, code: "network_error", attempts: 2 });
    expect(down.sent).toHaveLength(2);
  });

  it("does not resend an upload after a lost connection, which may have stored it", async () => {
    const { key } = await createWorkspace();
    const flaky = recording(1);
    const lost = await failure(
      clientFor(key, { fetch: flaky.fetch }).assets.upload({ file: new File([PNG_BYTES], "a.png") }),
    );
    expect(lost).toMatchObject({ code: "network_error", attempts: 1 });
    expect(flaky.sent).toHaveLength(1);
  });

  it("retries 503 answers, and never other errors", async () => {
    const { key } = await createWorkspace();
    // The same Worker with storage unreachable answers uploads with a real 503.
    const app = createApp();
    const broken = { ...env, STORAGE_ENDPOINT: "http://127.0.0.1:9" };
    const unavailable = recording(0, (input, init) =>
      Promise.resolve(app.fetch(new Request(input, init), broken, createExecutionContext())),
    );
    const client = clientFor(key, { fetch: unavailable.fetch, retry: { retries: 3, minDelayMs: 1 } });
    const error = await failure(client.assets.upload({ file: new File([PNG_BYTES], "a.png") }));
    expect(error).toMatchObject({ status: 503, code: "storage_unavailable", attempts: 4 });
    expect(unavailable.sent).toHaveLength(4);

    const invalid = recording();
    await failure(clientFor(key, { fetch: invalid.fetch }).assets.getSignedUrl("2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT"));
    expect(invalid.sent).toHaveLength(1);
  });

  it("sends back the newest bookmark, so it reads its own writes on any replica", async () => {
    const { key } = await createWorkspace();
    const { sent, fetch } = recording();
    const { assets } = clientFor(key, { fetch });
    const asset = await assets.upload({ file: new File([PNG_BYTES], "a.png") });
    await assets.get(asset.id);
    expect(sent[0]?.headers.get("x-d1-bookmark")).toBeNull();
    expect(sent[1]?.headers.get("x-d1-bookmark")).toMatch(/^[0-9a-f-]{59}$/);

    const opted = recording();
    const plain = clientFor(key, { fetch: opted.fetch, readYourWrites: false }).assets;
    await plain.get((await plain.upload({ file: new File([PNG_BYTES], "b.png") })).id);
    expect(opted.sent[1]?.headers.get("x-d1-bookmark")).toBeNull();
  });

  it("sends presigned-upload and import requests as the API documents them", async () => {
    const { key } = await createWorkspace();
    const { sent, fetch } = recording();
    const { assets } = clientFor(key, { fetch, retry: { retries: 0 } });
    const settle = (promise: Promise<unknown>) => promise.catch(() => undefined);
    const upload = { file_name: "clip.mp4", content_type: "video/mp4", file_size: 1024, metadata: { scene: 2 } };
    await settle(assets.createUpload(upload));
    await settle(assets.completeUpload("2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", { parts: [{ part_number: 1, etag: '"abc"' }] }));
    await settle(assets.import({ source_url: "https://example.com/a.png", provider: "fal" }));
    expect(sent.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      "POST /api/v1/assets/uploads",
      "POST /api/v1/assets/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/complete",
      "POST /api/v1/assets/import",
    ]);
    expect(sent.map((request) => JSON.parse(request.body))).toEqual([
      upload,
      { parts: [{ part_number: 1, etag: '"abc"' }] },
      { source_url: "https://example.com/a.png", provider: "fal" },
    ]);
    for (const request of sent) expect(request.headers.get("X-API-Key")).toBe(key);
  });
});

describe("the client bundle", () => {
  it("imports nothing from outside src/client at run time", () => {
    const sources = import.meta.glob("../src/client/*.ts", { query: "?raw", import: "default", eager: true });
    expect(Object.keys(sources).length).toBeGreaterThan(3);
    for (const [file, source] of Object.entries(sources)) {
      const runtimeImports = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map(
        (match) => match[1],
      );
      for (const specifier of runtimeImports) expect(`${file}: ${specifier}`).toMatch(/: \.\/[a-z-]+$/);
    }
  });
});
