import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, apiWithEnv, createWorkspace, json, uploadAsset, withKey } from "../support/helpers";
import { postJson } from "../support/ingest-helpers";
import { configureReceiver, createHook, hookUrl, receiverName, waitForAccepted } from "../support/webhook-helpers";

const productionRules = { ...env, ALLOW_HTTP_WEBHOOKS: "false" };

function createWith(environment: Env, key: string, body: unknown) {
  return apiWithEnv(
    environment,
    "/api/v1/webhooks",
    withKey(key, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}

describe("/api/v1/webhooks", () => {
  it("creates a webhook, shows its secret once, lists, gets and deletes it", async () => {
    const { key, workspaceId } = await createWorkspace();
    const created = await postJson(key, "/api/v1/webhooks", { url: hookUrl("crud"), description: "media" });
    expect(created.status).toBe(201);
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    const { data } = await json(created);
    expect(data).toMatchObject({
      workspace_id: workspaceId,
      url: hookUrl("crud"),
      description: "media",
      events: ["asset.created", "asset.deleted", "asset.expired"],
      previous_secret_expires_at: null,
    });
    expect(data.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const fetched = await json(await api(`/api/v1/webhooks/${data.id}`, withKey(key)));
    const { secret: _secret, ...withoutSecret } = data;
    expect(fetched.data).toEqual(withoutSecret);
    expect((await json(await api("/api/v1/webhooks", withKey(key)))).data).toEqual([withoutSecret]);

    expect((await api(`/api/v1/webhooks/${data.id}`, withKey(key, { method: "DELETE" }))).status).toBe(204);
    const gone = await api(`/api/v1/webhooks/${data.id}`, withKey(key, { method: "DELETE" }));
    expect(gone.status).toBe(404);
    expect((await json(gone)).error.code).toBe("not_found");
    expect((await json(await api("/api/v1/webhooks", withKey(key)))).data).toEqual([]);
  });

  it("takes only public https URLs by the imports' host rule; ALLOW_HTTP_WEBHOOKS adds http and loopback", async () => {
    const { key } = await createWorkspace();
    const ipLiteral = "must name its host with a DNS name, not an IP address";
    const inward = "must name a public host (not localhost, .local, .internal or a single label)";
    const refused = {
      "http://hooks.example.com/in": "must be an https URL",
      "https://127.0.0.1/in": ipLiteral,
      "https://2130706433/in": ipLiteral,
      "https://0x7f.1/in": ipLiteral,
      "https://[::1]/in": ipLiteral,
      "https://localhost/in": inward,
      "https://printer.local/in": inward,
      "https://metadata.internal/in": inward,
      "https://intranet/in": inward,
      "https://user:pass@hooks.example.com/in": "must not carry a user name or password",
    };
    for (const [url, reason] of Object.entries(refused)) {
      const response = await createWith(productionRules, key, { url });
      expect(response.status, url).toBe(400);
      expect((await json(response)).error.details, url).toEqual({ url: reason });
    }
    expect((await createWith(productionRules, key, { url: "https://hooks.example.com/in" })).status).toBe(201);

    // Local development: http and the loopback host, but still nothing else inward.
    expect((await createWith(env, key, { url: hookUrl("local") })).status).toBe(201);
    expect((await createWith(env, key, { url: "http://localhost:9/in" })).status).toBe(201);
    for (const url of ["http://10.0.0.5/in", "http://169.254.169.254/in", "http://printer.local/in"]) {
      const response = await createWith(env, key, { url });
      expect(response.status, url).toBe(400);
      expect(Object.keys((await json(response)).error.details)).toEqual(["url"]);
    }
  });

  it("names each bad field", async () => {
    const { key } = await createWorkspace();
    const cases: [unknown, string][] = [
      [{}, "url"],
      [{ url: "not a url" }, "url"],
      [{ url: "ftp://hooks.example.com" }, "url"],
      [{ url: hookUrl("x"), events: ["asset.renamed"] }, "events.0"],
      [{ url: hookUrl("x"), events: [] }, "events"],
      [{ url: hookUrl("x"), events: ["asset.created", "asset.created"] }, "events"],
      [{ url: hookUrl("x"), description: "" }, "description"],
    ];
    for (const [body, field] of cases) {
      const response = await postJson(key, "/api/v1/webhooks", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await json(response)).error.details)).toContain(field);
    }
    // A path id that is not a KSUID names no webhook: 404, as for assets.
    const notAnId = await api("/api/v1/webhooks/not-a-ksuid", withKey(key));
    expect(notAnId.status).toBe(404);
    expect((await json(notAnId)).error.code).toBe("not_found");
  });

  it("needs an API key and keeps each workspace's webhooks to itself", async () => {
    const owner = await createWorkspace();
    const stranger = await createWorkspace();
    const hook = await createHook(owner.key, receiverName());
    expect((await api("/api/v1/webhooks")).status).toBe(401);
    expect((await api(`/api/v1/webhooks/${hook.id}`)).status).toBe(401);
    const paths: [string, string][] = [
      ["GET", `/api/v1/webhooks/${hook.id}`],
      ["GET", `/api/v1/webhooks/${hook.id}/deliveries`],
      ["POST", `/api/v1/webhooks/${hook.id}/rotate-secret`],
      ["POST", `/api/v1/webhooks/${hook.id}/deliveries/${hook.id}/retry`],
      ["DELETE", `/api/v1/webhooks/${hook.id}`],
    ];
    for (const [method, path] of paths) {
      const response = await api(path, withKey(stranger.key, { method }));
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await json(await api("/api/v1/webhooks", withKey(stranger.key)))).data).toEqual([]);
    expect((await api(`/api/v1/webhooks/${hook.id}`, withKey(owner.key))).status).toBe(200);
  });

  it("rotates the secret, signing with both secrets for a day", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    const hook = await createHook(key, name);
    const rotated = await api(`/api/v1/webhooks/${hook.id}/rotate-secret`, withKey(key, { method: "POST" }));
    expect(rotated.status).toBe(200);
    const { data } = await json(rotated);
    expect(data.secret).not.toBe(hook.secret);
    expect(Date.parse(data.previous_secret_expires_at) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    // A receiver that still knows only the old secret keeps verifying deliveries.
    await configureReceiver(name, [hook.secret]);
    await uploadAsset(key);
    const [request] = await waitForAccepted(name, 1);
    expect(request?.verified).toBe(true);
    expect(request?.signature.split(" ")).toHaveLength(2);
    // And one that knows only the new secret verifies them too.
    await configureReceiver(name, [data.secret]);
    await uploadAsset(key);
    const both = await waitForAccepted(name, 2);
    expect(both.every((accepted) => accepted.verified)).toBe(true);
    expect((await json(await api(`/api/v1/webhooks/${hook.id}`, withKey(key)))).data.secret).toBeUndefined();
  });
});
