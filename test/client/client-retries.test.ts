import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { clientFor, failure, recording, toWorker, unreachableStorage } from "../support/client-helpers";
import { createWorkspace, PNG_BYTES, uploadAsset } from "../support/helpers";

describe("the client's retries, bookmarks and upload requests", () => {
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
    const unavailable = recording(0, (input, init) =>
      Promise.resolve(app.fetch(new Request(input, init), unreachableStorage, createExecutionContext())),
    );
    const client = clientFor(key, { fetch: unavailable.fetch, retry: { retries: 3, minDelayMs: 1 } });
    const error = await failure(client.assets.upload({ file: new File([PNG_BYTES], "a.png") }));
    expect(error).toMatchObject({ status: 503, code: "storage_unavailable", attempts: 4 });
    expect(unavailable.sent).toHaveLength(4);

    const invalid = recording();
    await failure(clientFor(key, { fetch: invalid.fetch }).assets.getSignedUrl("2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT"));
    expect(invalid.sent).toHaveLength(1);
  });

  it("waits as long as Retry-After asks, within maxDelayMs", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    let answered = 0;
    // A proxy in front of the Worker that is briefly overloaded and says when to come back.
    const overloaded = recording(0, (input, init) =>
      answered++ === 0
        ? Promise.resolve(new Response("busy", { status: 503, headers: { "Retry-After": "30" } }))
        : toWorker(input, init),
    );
    const started = Date.now();
    const client = clientFor(key, { fetch: overloaded.fetch, retry: { minDelayMs: 1, maxDelayMs: 40 } });
    expect(await client.assets.get(asset.id)).toEqual(asset);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(overloaded.sent).toHaveLength(2);

    const busy = recording(0, () => Promise.resolve(new Response("busy", { status: 503 })));
    const unexpected = await failure(clientFor(key, { fetch: busy.fetch, retry: { retries: 0 } }).assets.get(asset.id));
    expect(unexpected).toMatchObject({
      status: 503,
      code: "unexpected_response",
      message: "Unexpected 503 response: busy",
    });
  });

  it("stops waiting to retry when the call is cancelled", async () => {
    const { key } = await createWorkspace();
    const down = recording(10);
    const controller = new AbortController();
    const client = clientFor(key, { fetch: down.fetch, retry: { minDelayMs: 60_000, maxDelayMs: 60_000 } });
    const pending = client.assets.get("2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", { signal: controller.signal });
    // Aborted while the client waits a minute before retrying.
    setTimeout(() => controller.abort(new Error("navigated away")), 20);
    await expect(pending).rejects.toThrow("navigated away");
    expect(down.sent).toHaveLength(1);
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
