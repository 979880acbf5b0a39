import { describe, expect, it } from "vitest";
import { signAsset, signingCacheControl, signingWindow } from "../../src/assets/signing";
import { Storage } from "../../src/storage/s3";
import { api, createWorkspace, json, uploadAsset, withKey } from "../support/helpers";
import { assetRow, configWith, expectDownload, signedAtMs, signedLifetime, WINDOW } from "../support/url-helpers";

const config = configWith({ SIGNED_URL_WINDOW: "300" });
const storage = new Storage(config);
const row = assetRow("ws_1/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/photo.png", "photo.png");
const at = (iso: string) => Date.parse(iso);

describe("signingWindow", () => {
  it("signs at the window's start for the lifetime plus the window; expires_at counts from the request", () => {
    const window = signingWindow(config, 3600, at("2026-03-04T05:06:07.890Z"));
    expect(window.signedAt.toISOString()).toBe("2026-03-04T05:05:00.000Z");
    expect(window.lifetime).toBe(3900);
    expect(window.expiresAt.toISOString()).toBe("2026-03-04T06:06:07.000Z");
    expect(window.reusableFor).toBe(232);
  });

  it("never leaves a URL valid for less than asked, nor more than a window longer, nor past seven days", () => {
    const start = at("2026-03-04T05:05:00.000Z");
    for (const expiresIn of [1, 60, 3600, 604_500, 604_799, 604_800]) {
      for (let offset = 0; offset < 700_000; offset += 6_997) {
        const now = start + offset;
        const window = signingWindow(config, expiresIn, now);
        const validUntil = window.signedAt.getTime() + window.lifetime * 1000;
        expect(validUntil).toBeGreaterThanOrEqual(window.expiresAt.getTime());
        expect(window.expiresAt.getTime()).toBe(Math.floor(now / 1000) * 1000 + expiresIn * 1000);
        expect(validUntil - window.expiresAt.getTime()).toBeLessThanOrEqual(Math.min(300, expiresIn / 10) * 1000);
        expect(window.lifetime).toBeLessThanOrEqual(604_800);
        // A cached answer is reused only while a new request would get the same URL.
        expect(now + window.reusableFor * 1000).toBeLessThanOrEqual(window.signedAt.getTime() + 300_000);
      }
    }
  });

  it("shrinks the window for lifetimes near the seven-day limit", () => {
    const now = at("2026-03-04T05:06:07.890Z");
    expect(signingWindow(config, 604_700, now)).toMatchObject({ lifetime: 604_800, reusableFor: 32 });
    const longest = signingWindow(config, 604_800, now);
    expect(longest).toMatchObject({ lifetime: 604_800, reusableFor: 0 });
    expect(longest.signedAt.toISOString()).toBe("2026-03-04T05:06:07.000Z");
  });

  it("signs at the request's second for exactly the lifetime when SIGNED_URL_WINDOW is 0", () => {
    const off = configWith({ SIGNED_URL_WINDOW: "0" });
    const window = signingWindow(off, 60, at("2026-03-04T05:06:07.890Z"));
    expect(window.signedAt.toISOString()).toBe("2026-03-04T05:06:07.000Z");
    expect(window.lifetime).toBe(60);
    expect(signingCacheControl(off, 60, Date.now())).toBe("no-store");
  });

  it("lets caches keep an answer only for the rest of the window", () => {
    expect(signingCacheControl(config, 3600, at("2026-03-04T05:06:07.890Z"))).toBe("private, max-age=232");
    expect(signingCacheControl(config, undefined, at("2026-03-04T05:09:59.999Z"))).toBe("private, max-age=0");
  });

  it("rejects windows that are negative, fractional or over an hour", () => {
    for (const value of ["-1", "1.5", "3601", "soon"]) {
      expect(() => configWith({ SIGNED_URL_WINDOW: value })).toThrow("SIGNED_URL_WINDOW");
    }
  });
});

describe("signAsset", () => {
  it("gives the byte-identical URL within a window and a new one in the next", async () => {
    const sign = (iso: string, request: { expiresIn?: number; disposition?: "attachment" } = {}) =>
      signAsset(storage, config, row, { expiresIn: 3000, now: at(iso), ...request }).then((signed) => signed.url);
    const first = await sign("2026-03-04T05:05:00.000Z");
    expect(await sign("2026-03-04T05:07:31.123Z")).toBe(first);
    expect(await sign("2026-03-04T05:09:59.999Z")).toBe(first);
    expect(await sign("2026-03-04T05:10:00.000Z")).not.toBe(first);
    expect(await sign("2026-03-04T05:06:00.000Z", { expiresIn: 3001 })).not.toBe(first);
    expect(await sign("2026-03-04T05:06:00.000Z", { disposition: "attachment" })).not.toBe(first);
  });

  it("gives URLs that storage honours for the whole lifetime asked for, counted from the request", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const uploaded = assetRow(asset.storage_key, asset.file_name);
    // Asked for 60 s, 55 s ago: still valid now, wherever in its window the request fell.
    const recent = await signAsset(storage, config, uploaded, { expiresIn: 60, now: Date.now() - 55_000 });
    await expectDownload(recent.url);
    // Past the lifetime plus its window (a tenth of it at most), storage refuses it.
    const stale = await signAsset(storage, config, uploaded, { expiresIn: 60, now: Date.now() - 70_000 });
    const refused = await fetch(stale.url);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("expired");
  });
});

describe("cache-friendly answers over HTTP", () => {
  it("repeats the URL within a window, and says for how long caches may keep it", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const path = `/api/v1/assets/${asset.id}/signed-url?expires_in=3600`;
    const before = Date.now();
    const first = await api(path, withKey(key));
    const second = await api(path, withKey(key));
    const [a, b] = [(await json(first)).data, (await json(second)).data];
    // Byte-identical unless the two requests fell on either side of a window boundary.
    expect(a.url === b.url).toBe(signedAtMs(a.url) === signedAtMs(b.url));
    expect([0, WINDOW * 1000]).toContain(signedAtMs(b.url) - signedAtMs(a.url));
    expect(signedLifetime(a.url)).toBe(3600 + WINDOW);

    const maxAge = Number(/^private, max-age=(\d+)$/.exec(first.headers.get("Cache-Control") ?? "")?.[1]);
    expect(maxAge).toBeLessThanOrEqual(WINDOW);
    // Cached no longer than the server would repeat itself, so never past the URL's expiry.
    expect(before + maxAge * 1000).toBeLessThanOrEqual(signedAtMs(a.url) + WINDOW * 1000);

    const revalidated = await api(
      path,
      withKey(key, { headers: { "If-None-Match": first.headers.get("ETag") ?? "" } }),
    );
    // The tag names the URL, so answers in different seconds of one window share it and revalidate to 304.
    expect(first.headers.get("ETag")).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(first.headers.get("ETag") === second.headers.get("ETag")).toBe(a.url === b.url);
    if (revalidated.status === 200) expect((await json(revalidated)).data.url).not.toBe(a.url);
    else expect(revalidated.status).toBe(304);
  });
});
