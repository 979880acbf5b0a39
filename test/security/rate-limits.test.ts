import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/auth/api-keys";
import { countKeyRequest } from "../../src/auth/rate-limits";
import { ApiError } from "../../src/errors";
import { ADMIN_TOKEN, api, createWorkspace, json, PNG_BYTES } from "../support/helpers";
import { formPost, page } from "../support/ui-helpers";

// wrangler.toml's limits, which the tests run with: 10 failed authentications a minute per client.
const FAILURES_ALLOWED = 10;
let clients = 0;
/** A client address of its own per test, as Cloudflare sets CF-Connecting-IP. */
const newClient = () => `198.51.100.${++clients}`;

function withClient(client: string, headers: Record<string, string>): RequestInit {
  return { headers: { "CF-Connecting-IP": client, ...headers } };
}

async function expectLimited(response: Response) {
  expect(response.status).toBe(429);
  expect(response.headers.get("Retry-After")).toBe("60");
  expect((await json(response)).error).toMatchObject({ code: "rate_limited", details: { retry_after: 60 } });
}

/** Fails authentication until refused; fixed windows may split the count, so up to twice the limit. */
async function failUntilLimited(fail: (attempt: number) => Promise<Response>): Promise<number> {
  let failures = 0;
  for (let attempt = 0; attempt <= 2 * FAILURES_ALLOWED; attempt++) {
    const response = await fail(attempt);
    if (response.status === 429) {
      await expectLimited(response);
      return failures;
    }
    expect(response.status).toBe(401);
    await response.arrayBuffer();
    failures++;
  }
  throw new Error("never refused");
}

describe("abuse limits", () => {
  it("refuses a client after too many wrong API keys, then even a right one", async () => {
    const { key } = await createWorkspace();
    const client = newClient();
    const failures = await failUntilLimited((attempt) =>
      api("/api/v1/assets", withClient(client, { "X-API-Key": `ak_wrong${attempt}` })),
    );
    expect(failures).toBeGreaterThanOrEqual(FAILURES_ALLOWED);
    await expectLimited(await api("/api/v1/assets", withClient(client, { "X-API-Key": key })));
    // Another client is unaffected.
    const other = await api("/api/v1/assets", withClient(newClient(), { "X-API-Key": key }));
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it("counts wrong admin tokens and failed UI sign-ins against the same client", async () => {
    const client = newClient();
    const failures = await failUntilLimited((attempt) =>
      attempt % 2 === 0
        ? api("/api/v1/admin/api-keys", withClient(client, { Authorization: `Bearer wrong-${attempt}` }))
        : page("/ui/sign-in", {
            ...formPost({ key: `ak_wrong${attempt}` }),
            headers: { ...(formPost({}).headers as Record<string, string>), "CF-Connecting-IP": client },
          }),
    );
    expect(failures).toBeGreaterThanOrEqual(FAILURES_ALLOWED);
    await expectLimited(
      await api("/api/v1/admin/api-keys", withClient(client, { Authorization: `Bearer ${ADMIN_TOKEN}` })),
    );
  });

  it("accepts the admin token only as Authorization: Bearer", async () => {
    const response = await api("/api/v1/admin/api-keys", withClient(newClient(), { "X-API-Key": ADMIN_TOKEN }));
    expect(response.status).toBe(401);
    expect((await json(response)).error.message).toContain("Authorization: Bearer");
  });

  it("limits requests per API key, counted after the key is accepted", { timeout: 60_000 }, async () => {
    const { key, workspaceId } = await createWorkspace();
    // Spend the key's budget through the binding itself, as earlier traffic would have.
    const keyHash = await sha256Hex(key);
    let spent = 0;
    for (let exhausted = false; !exhausted; ) {
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, () => env.API_KEY_RATE_LIMIT.limit({ key: keyHash })),
      );
      spent += outcomes.filter((outcome) => outcome.success).length;
      exhausted = outcomes.some((outcome) => !outcome.success);
    }
    expect(spent).toBeGreaterThanOrEqual(1200);
    await expectLimited(await api("/api/v1/assets", withClient(newClient(), { "X-API-Key": key })));
    // A write is refused before it does anything: no row, whatever the body.
    const form = new FormData();
    form.set("file", new File([PNG_BYTES], "limited.png", { type: "image/png" }));
    await expectLimited(await api("/api/v1/assets", { method: "POST", headers: { "X-API-Key": key }, body: form }));
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM assets WHERE workspace_id = ?")
      .bind(workspaceId)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
    // The budget is the key's own: another key still works.
    const other = await createWorkspace();
    const fresh = await api("/api/v1/assets", { headers: { "X-API-Key": other.key } });
    expect(fresh.status).toBe(200);
    await fresh.arrayBuffer();
  });

  it("refuses a key seen over its limit for the rest of the period without asking the binding again", async () => {
    const asked: string[] = [];
    const overLimit = {
      API_KEY_RATE_LIMIT: {
        limit: async ({ key }: RateLimitOptions) => {
          asked.push(key);
          return { success: false };
        },
      },
    } as Env;
    const refused = (at: number) => countKeyRequest(overLimit, "hash-of-a-busy-key", at).catch((error) => error);
    const start = Date.UTC(2026, 10, 30, 12);
    for (const at of [start, start + 1_000, start + 59_000]) {
      const error = await refused(at);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: "rate_limited" });
    }
    expect(asked).toEqual(["hash-of-a-busy-key"]);
    // Once the period is over the binding decides again.
    await refused(start + 60_000);
    expect(asked).toHaveLength(2);
  });
});
