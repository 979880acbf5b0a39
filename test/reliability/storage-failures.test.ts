import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  api,
  apiWithEnv as callWith,
  createWorkspace,
  json,
  storageHas,
  uploadAsset,
  uploadForm,
  withKey,
} from "../support/helpers";

const unreachableStorage = { ...env, STORAGE_ENDPOINT: env.TEST_FAULT_ENDPOINTS.down };

describe("storage failures", () => {
  it("answers 503 for an upload when storage is down and leaves no row", async () => {
    const { key } = await createWorkspace();
    const response = await callWith(
      unreachableStorage,
      "/api/v1/assets",
      withKey(key, { method: "POST", body: uploadForm() }),
    );
    expect(response.status).toBe(503);
    expect((await json(response)).error.code).toBe("storage_unavailable");
    expect((await json(await api("/api/v1/assets", withKey(key)))).meta.total).toBe(0);
  });

  it("deletes at once when storage is unreachable, answering 202 and owing the file", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await callWith(
      unreachableStorage,
      `/api/v1/assets/${asset.id}`,
      withKey(key, { method: "DELETE" }),
    );
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({ data: { id: asset.id, status: "deleting" } });
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    expect(await storageHas(asset.storage_key)).toBe(true);
  });

  it("reports storage in /health", async () => {
    const response = await callWith(unreachableStorage, "/health");
    expect(response.status).toBe(503);
    const body = await json(response);
    expect(body.status).toBe("error");
    expect(body.checks).toMatchObject({ config: "ok", database: "ok" });
    expect(body.checks.storage).toContain("Storage is unreachable");
  });
});

describe("configuration", () => {
  it("answers 503 naming each missing or invalid variable", async () => {
    const { key } = await createWorkspace();
    const broken = { ...env, STORAGE_BUCKET: "", STORAGE_ENDPOINT: "not a url", SIGNED_URL_TTL: "forever" };
    const response = await callWith(broken, "/api/v1/assets", withKey(key));
    expect(response.status).toBe(503);
    const { error } = await json(response);
    expect(error.code).toBe("service_misconfigured");
    expect(Object.keys(error.details).sort()).toEqual(["SIGNED_URL_TTL", "STORAGE_BUCKET", "STORAGE_ENDPOINT"]);

    const health = await callWith(broken, "/health");
    expect(health.status).toBe(503);
    expect((await json(health)).checks.config).toContain("STORAGE_BUCKET");
  });

  it("reports healthy when D1 and storage answer", async () => {
    const response = await api("/health");
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: "ok", checks: { config: "ok", database: "ok", storage: "ok" } });
  });
});

describe("the API surface", () => {
  it("serves an OpenAPI 3.1 document covering every route", async () => {
    const response = await api("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = await json(response);
    expect(document.openapi).toBe("3.1.0");
    const deleteAnswers = document.paths["/api/v1/assets/{id}"].delete.responses;
    expect(deleteAnswers["202"].content["application/json"].example).toEqual({
      data: { id: expect.any(String), status: "deleting" },
    });
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/admin/api-keys",
      "/api/v1/admin/api-keys/{id}",
      "/api/v1/admin/maintenance",
      "/api/v1/assets",
      "/api/v1/assets/import",
      "/api/v1/assets/signed-urls",
      "/api/v1/assets/uploads",
      "/api/v1/assets/{id}",
      "/api/v1/assets/{id}/complete",
      "/api/v1/assets/{id}/signed-url",
      "/api/v1/webhooks",
      "/api/v1/webhooks/{id}",
      "/api/v1/webhooks/{id}/deliveries",
      "/api/v1/webhooks/{id}/deliveries/{delivery_id}/retry",
      "/api/v1/webhooks/{id}/rotate-secret",
      "/health",
    ]);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await api("/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe("not_found");
  });
});
