import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, PNG_BYTES, uploadAsset } from "../support/helpers";
import { complete, importFrom, pngUpload, putToStorage, sourceUrl, startUpload } from "../support/ingest-helpers";

/** Requests exactly as the PromptRails SDKs send them: JSON headers on every verb, page and limit always set. */
function sdkRequest(key: string, method: string, path: string, params?: Record<string, string | number>) {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return api(`${path}${query}`, {
    method,
    headers: { "X-API-Key": key, "Content-Type": "application/json", Accept: "application/json" },
  });
}

type FieldType = "string" | "number" | "object";

/**
 * What @promptrails/sdk 0.2.1 declares (src/types.ts `Asset`, `AssetSignedUrl`; src/pagination.ts
 * `PaginationMeta`), field by field. Required fields must hold their type; optional ones (`?` in the SDK)
 * are always sent, with their type or null when the asset has none.
 */
const SDK_ASSET: Record<string, { type: FieldType; optional: boolean }> = {
  id: { type: "string", optional: false },
  workspace_id: { type: "string", optional: false },
  type: { type: "string", optional: false },
  provider: { type: "string", optional: false },
  model: { type: "string", optional: true },
  file_name: { type: "string", optional: false },
  file_size: { type: "number", optional: true },
  mime_type: { type: "string", optional: true },
  storage_path: { type: "string", optional: false },
  prompt: { type: "string", optional: true },
  config: { type: "object", optional: true },
  execution_id: { type: "string", optional: true },
  agent_id: { type: "string", optional: true },
  created_by_id: { type: "string", optional: true },
  created_at: { type: "string", optional: false },
  updated_at: { type: "string", optional: false },
};
const SDK_PAGINATION_META = ["total", "page", "limit", "total_pages"];
const SDK_SIGNED_URL = ["url", "expires_at"];

/** Every SDK field is present with its declared type; `full` assets must have the optional ones too. */
function expectSdkAsset(asset: Record<string, unknown>, full: boolean) {
  for (const [field, { type, optional }] of Object.entries(SDK_ASSET)) {
    expect(asset, field).toHaveProperty(field);
    const value = asset[field];
    if (optional && !full && value === null) continue;
    expect(typeof value, field).toBe(type);
    if (type === "object") expect(Array.isArray(value), field).toBe(false);
  }
  for (const field of ["created_at", "updated_at"]) {
    expect(new Date(String(asset[field])).toISOString(), field).toBe(asset[field]);
  }
  expect(asset.storage_path).toBe(asset.storage_key);
  expect(asset.mime_type).toBe(asset.content_type);
}

const generation = { model: "flux-pro", prompt: "a lighthouse at dusk, 35mm", config: { seed: 7, steps: 28 } };

describe("PromptRails SDK compatibility", () => {
  it("serves assets.list, get, getSignedUrl and delete as the SDK calls them", async () => {
    const { key } = await createWorkspace();
    const image = await uploadAsset(key, {
      fields: { provider: "fal", execution_id: "exec_sdk", agent_id: "agent_sdk" },
    });
    await uploadAsset(key, { fileName: "voice.mp3", contentType: "audio/mpeg", fields: { provider: "elevenlabs" } });

    const listed = await sdkRequest(key, "GET", "/api/v1/assets", {
      page: 1,
      limit: 20,
      type: "image",
      provider: "fal",
      execution_id: "exec_sdk",
      agent_id: "agent_sdk",
    });
    expect(listed.status).toBe(200);
    const page = await json(listed);
    expect(page.data.map((asset: { id: string }) => asset.id)).toEqual([image.id]);
    expect(page.meta).toMatchObject({ total: 1, page: 1, limit: 20, total_pages: 1 });
    for (const field of SDK_PAGINATION_META) expect(typeof page.meta[field], field).toBe("number");

    const got = await json(await sdkRequest(key, "GET", `/api/v1/assets/${image.id}`));
    expect(got.data).toEqual(image);

    const signed = await json(await sdkRequest(key, "GET", `/api/v1/assets/${image.id}/signed-url`));
    expect(signed.data).toEqual({ url: expect.any(String), expires_at: expect.any(String), expires_in: 3600 });
    for (const field of SDK_SIGNED_URL) expect(typeof signed.data[field], field).toBe("string");

    const deleted = await sdkRequest(key, "DELETE", `/api/v1/assets/${image.id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    const missing = await sdkRequest(key, "GET", `/api/v1/assets/${image.id}`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error).toMatchObject({ code: "not_found", message: expect.any(String) });
  });

  it("answers get('does-not-exist') with 404 not_found, as the SDK's NotFoundError expects", async () => {
    const { key } = await createWorkspace();
    for (const path of ["/api/v1/assets/does-not-exist", "/api/v1/assets/does-not-exist/signed-url"]) {
      const response = await sdkRequest(key, "GET", path);
      expect(response.status, path).toBe(404);
      expect((await json(response)).error.code).toBe("not_found");
    }
  });

  it("gives every field of the SDK's Asset its declared type, from every way in, in get and list", async () => {
    const { key, keyId } = await createWorkspace();
    const { model, prompt, config } = generation;
    const formFull = await uploadAsset(key, {
      fields: {
        provider: "fal",
        execution_id: "exec_1",
        agent_id: "agent_1",
        model,
        prompt,
        config: JSON.stringify(config),
      },
    });
    const formBare = await uploadAsset(key);

    const started = await startUpload(key, pngUpload({ execution_id: "exec_1", agent_id: "agent_1", ...generation }));
    expect((await putToStorage(started.upload.url, PNG_BYTES, started.upload.headers)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const directResponse = await complete(key, started.asset.id);
    expect(directResponse.status).toBe(200);
    const direct = (await json(directResponse)).data;

    const importedResponse = await importFrom(key, {
      source_url: sourceUrl("/file/render.png?size=2048"),
      ...generation,
      execution_id: "exec_1",
      agent_id: "agent_1",
    });
    expect(importedResponse.status).toBe(201);
    const imported = (await json(importedResponse)).data;

    for (const asset of [formFull, direct, imported]) {
      expectSdkAsset(asset, true);
      expect(asset).toMatchObject({ model, prompt, config, created_by_id: keyId });
    }
    expectSdkAsset(formBare, false);
    expect(formBare).toMatchObject({
      provider: "upload",
      model: null,
      prompt: null,
      config: null,
      created_by_id: keyId,
    });
    expect(direct.provider).toBe("upload");
    expect(imported.provider).toBe("import");
    expect(formFull.provider).toBe("fal");
    // The status changed when the upload completed, and updated_at with it.
    expect(started.asset.updated_at).toBe(started.asset.created_at);
    expect(Date.parse(direct.updated_at)).toBeGreaterThan(Date.parse(direct.created_at));

    const listed = await json(await sdkRequest(key, "GET", "/api/v1/assets", { page: 1, limit: 20 }));
    expect(listed.data).toHaveLength(4);
    for (const asset of listed.data) {
      expectSdkAsset(asset, asset.id !== formBare.id);
      const got = await json(await sdkRequest(key, "GET", `/api/v1/assets/${asset.id}`));
      expect(got.data).toEqual(asset);
    }
    const byModel = await json(await sdkRequest(key, "GET", "/api/v1/assets", { page: 1, limit: 20, model }));
    expect(byModel.data.map((asset: { id: string }) => asset.id).sort()).toEqual(
      [formFull.id, direct.id, imported.id].sort(),
    );
  });
});
