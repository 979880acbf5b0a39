import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { api, createWorkspace, json, storageHas, uploadAsset, withKey } from "../support/helpers";
import { owedDeletion } from "../support/ingest-helpers";
import { asSignedIn, formPost, ORIGIN, page } from "../support/ui-helpers";

const app = createApp();
// Nothing listens on port 9 of loopback, so storage requests fail to connect.
const unreachableStorage = { ...env, STORAGE_ENDPOINT: "http://127.0.0.1:9" };

function pageWith(environment: Env, path: string, init: RequestInit = {}) {
  return app.fetch(
    new Request(`${ORIGIN}${path}`, { redirect: "manual", ...init }),
    environment,
    createExecutionContext(),
  );
}

function expectReadablePage(html: string) {
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).not.toMatch(/"error":|at .+\.(ts|js):\d+|Error:/);
}

describe("UI failures", () => {
  it("deletes when storage is down, and says the file is still being removed", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fileName: "owed.png" });
    const response = await pageWith(unreachableStorage, `/ui/assets/${asset.id}/delete`, asSignedIn(key, formPost({})));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/ui/assets");
    expect(decodeURIComponent(response.headers.get("Set-Cookie") ?? "")).toContain(
      "Deleted “owed.png”; its file is being removed.",
    );
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    // Storage never heard of it: the file stays owed, and the cleanup job deletes it once storage is back.
    expect(await storageHas(asset.storage_key)).toBe(true);
    expect((await owedDeletion(asset.storage_key))?.attempts).toBe(1);
  });

  it("still lists assets when storage is down: previews are signed, not fetched, by the Worker", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await pageWith(unreachableStorage, "/ui/assets", asSignedIn(key));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(asset.id);
    // The page's script reveals this when a preview fails to load in the browser.
    expect(html).toContain('<p class="error" id="preview-problem" role="alert" hidden="">');
  });

  it("names missing settings on a page when the service is misconfigured", async () => {
    const { key } = await createWorkspace();
    const broken = { ...env, STORAGE_BUCKET: "" };
    const response = await pageWith(broken, "/ui/assets", asSignedIn(key));
    expect(response.status).toBe(503);
    const html = await response.text();
    expectReadablePage(html);
    expect(html).toContain("The service is misconfigured: STORAGE_BUCKET.");
  });

  it("keeps JSON errors on the API", async () => {
    const response = await api("/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe("not_found");
  });
});

describe("UI response headers", () => {
  it("sends a strict content security policy whose nonce matches the page's only script", async () => {
    const { key } = await createWorkspace();
    const response = await page("/ui/assets", asSignedIn(key));
    const policy = response.headers.get("Content-Security-Policy") ?? "";
    const nonce = /script-src 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy).toMatch(
      /^default-src 'none'; script-src 'nonce-[^']+'; style-src 'self'; img-src 'self' http:\/\/127\.0\.0\.1:\d+; media-src http:\/\/127\.0\.0\.1:\d+; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
    );
    const html = await response.text();
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script src="/ui/app.js" nonce="${nonce}" defer=""></script>`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const again = await page("/ui/assets", asSignedIn(key));
    expect(again.headers.get("Content-Security-Policy")).not.toContain(nonce);
  });

  it("puts the same headers on error pages", async () => {
    const response = await page("/ui/sign-in", { method: "POST", headers: { Origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it.each([
    ["/ui/styles.css", "text/css; charset=utf-8", ".grid"],
    ["/ui/app.js", "text/javascript; charset=utf-8", "navigator.clipboard.writeText"],
    ["/ui/icon.svg", "image/svg+xml", "<svg"],
  ])("serves %s itself, without a session, revalidated by ETag", async (path, type, content) => {
    const response = await page(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(type);
    expect(response.headers.get("Cache-Control")).toBe("no-cache");
    expect(await response.text()).toContain(content);
    const etag = response.headers.get("ETag") ?? "";
    expect((await page(path, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });
});
