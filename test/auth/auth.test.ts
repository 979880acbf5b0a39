import { describe, expect, it, vi } from "vitest";
import { ADMIN_TOKEN, api, createWorkspace, json, withKey } from "../support/helpers";
import { runScheduledCleanup } from "../support/ingest-helpers";

const admin = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
});

describe("API keys", () => {
  it("requires a key, accepts X-API-Key and Bearer, and refuses unknown keys", async () => {
    const { key } = await createWorkspace();
    const none = await api("/api/v1/assets");
    expect(none.status).toBe(401);
    expect((await json(none)).error.code).toBe("unauthorized");
    expect((await api("/api/v1/assets", withKey(key))).status).toBe(200);
    expect((await api("/api/v1/assets", { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await api("/api/v1/assets", withKey(`${key}x`))).status).toBe(401);
    expect((await api("/api/v1/assets", withKey("not-a-key"))).status).toBe(401);
  });

  it("shows the secret once, never lists it, and generates a workspace when none is given", async () => {
    const created = await api(
      "/api/v1/admin/api-keys",
      admin({ method: "POST", body: JSON.stringify({ name: "ci" }) }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    const { data } = await json(created);
    expect(data.key).toMatch(/^ak_[A-Za-z0-9_-]{43}$/);
    expect(data.key_prefix).toBe(data.key.slice(0, 11));
    expect(data.workspace_id).toMatch(/^ws_/);

    const listed = await api(`/api/v1/admin/api-keys?workspace_id=${data.workspace_id}`, admin());
    const body = await json(listed);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toEqual({
      id: data.id,
      workspace_id: data.workspace_id,
      name: "ci",
      key_prefix: data.key_prefix,
      created_at: data.created_at,
      revoked_at: null,
    });
    expect(JSON.stringify(body)).not.toContain(data.key);
  });

  it("revokes a key at once; revoking again is harmless; unknown keys are 404", async () => {
    const { key, keyId } = await createWorkspace();
    expect((await api("/api/v1/assets", withKey(key))).status).toBe(200);
    const revoked = await api(`/api/v1/admin/api-keys/${keyId}`, admin({ method: "DELETE" }));
    expect(revoked.status).toBe(204);
    expect((await api("/api/v1/assets", withKey(key))).status).toBe(401);
    expect((await api(`/api/v1/admin/api-keys/${keyId}`, admin({ method: "DELETE" }))).status).toBe(204);
    const unknown = await api("/api/v1/admin/api-keys/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", admin({ method: "DELETE" }));
    expect(unknown.status).toBe(404);
  });

  it("guards admin routes with ADMIN_TOKEN, not with workspace keys", async () => {
    const { key } = await createWorkspace();
    expect((await api("/api/v1/admin/api-keys")).status).toBe(401);
    expect((await api("/api/v1/admin/api-keys", { headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await api("/api/v1/admin/api-keys", withKey(key))).status).toBe(401);
  });

  it("validates key creation input", async () => {
    const bad = await api(
      "/api/v1/admin/api-keys",
      admin({ method: "POST", body: JSON.stringify({ workspace_id: "../other", name: "" }) }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await json(bad)).error.details).sort()).toEqual(["name", "workspace_id"]);
    const malformed = await api("/api/v1/admin/api-keys", admin({ method: "POST", body: "{" }));
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error.code).toBe("invalid_request");
  });

  it("never writes a key or the admin token to the logs", async () => {
    const lines: string[] = [];
    const record = (...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(" "));
    };
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(record),
    );
    try {
      const { key, keyId } = await createWorkspace();
      await api("/api/v1/assets", withKey(key));
      await api("/api/v1/assets/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", withKey(key));
      await api("/api/v1/assets", withKey(`${key}-wrong`));
      await api("/api/v1/assets", { method: "POST", headers: { "X-API-Key": key }, body: "not a form" });
      await api(`/api/v1/admin/api-keys/${keyId}`, admin({ method: "DELETE" }));
      await api("/api/v1/assets", withKey(key));
      await runScheduledCleanup();
      // The cleanup always logs its summary, so the check below reads real log lines.
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line).not.toContain(key);
        expect(line).not.toContain(ADMIN_TOKEN);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
