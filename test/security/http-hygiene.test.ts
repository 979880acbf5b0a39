import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, apiWithEnv, createWorkspace, json, withKey } from "../support/helpers";

const corsEnv = { ...env, CORS_ORIGINS: "https://app.example.com, https://studio.example.com" };

describe("HTTP hygiene", () => {
  it.each([
    ["/health", 200],
    ["/api/v1/assets", 401],
    ["/api/v1/openapi.json", 200],
    ["/nowhere", 404],
  ])("sends hardening headers on %s", async (path, status) => {
    const response = await api(path);
    expect(response.status).toBe(status);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("never lets caches keep admin answers", async () => {
    const response = await api("/api/v1/admin/api-keys", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers preflights for allowed origins only", async () => {
    const preflight = (origin: string) =>
      apiWithEnv(corsEnv, "/api/v1/assets", {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "x-api-key",
        },
      });
    const allowed = await preflight("https://studio.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://studio.example.com");
    expect(allowed.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("x-api-key");
    expect(allowed.headers.get("Access-Control-Allow-Methods")).toContain("POST");

    const refused = await preflight("https://evil.example.net");
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("adds CORS headers to real answers for allowed origins, and none by default", async () => {
    const { key } = await createWorkspace();
    const allowed = await apiWithEnv(
      corsEnv,
      "/api/v1/assets",
      withKey(key, { headers: { Origin: "https://app.example.com" } }),
    );
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example.com");
    const byDefault = await api("/api/v1/assets", {
      headers: { "X-API-Key": key, Origin: "https://app.example.com" },
    });
    expect(byDefault.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("refuses an invalid CORS_ORIGINS setting by name", async () => {
    const response = await apiWithEnv({ ...env, CORS_ORIGINS: "app.example.com" }, "/api/v1/assets");
    expect(response.status).toBe(503);
    expect((await json(response)).error.details).toHaveProperty("CORS_ORIGINS");
  });

  it("limits JSON bodies to 2 MiB", async () => {
    const response = await api("/api/v1/admin/api-keys", {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await json(response)).error.code).toBe("payload_too_large");
  });
});
