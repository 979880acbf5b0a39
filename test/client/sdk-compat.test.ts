import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, uploadAsset } from "../support/helpers";

/** Requests exactly as the PromptRails SDKs send them: JSON headers on every verb, page and limit always set. */
function sdkRequest(key: string, method: string, path: string, params?: Record<string, string | number>) {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return api(`${path}${query}`, {
    method,
    headers: { "X-API-Key": key, "Content-Type": "application/json", Accept: "application/json" },
  });
}

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

    const got = await json(await sdkRequest(key, "GET", `/api/v1/assets/${image.id}`));
    expect(got.data).toEqual(image);

    const signed = await json(await sdkRequest(key, "GET", `/api/v1/assets/${image.id}/signed-url`));
    expect(signed.data).toEqual({ url: expect.any(String), expires_at: expect.any(String), expires_in: 3600 });

    const deleted = await sdkRequest(key, "DELETE", `/api/v1/assets/${image.id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    const missing = await sdkRequest(key, "GET", `/api/v1/assets/${image.id}`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error).toMatchObject({ code: "not_found", message: expect.any(String) });
  });
});
