import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, newestFirst, uploadAsset, withKey } from "../support/helpers";
import { expectDownload, signedAtMs, signedLifetime, stretched, WINDOW } from "../support/url-helpers";

async function list(key: string, query: string, init: RequestInit = {}) {
  return api(`/api/v1/assets${query}`, withKey(key, init));
}

describe("GET /api/v1/assets?include=signed_url", () => {
  it("gives every listed asset a working signed URL and its expiry, with the usual filters and cursors", async () => {
    const { key } = await createWorkspace();
    const images = [await uploadAsset(key), await uploadAsset(key), await uploadAsset(key)];
    await uploadAsset(key, { fileName: "voice.mp3", contentType: "audio/mpeg" });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?type=image&limit=2&include=signed_url${cursor ? `&cursor=${cursor}` : ""}`;
      const body = await json(await list(key, query));
      for (const asset of body.data) {
        const { signed_url, signed_url_expires_at, ...record } = asset;
        expect(record).toEqual(images.find((image) => image.id === asset.id));
        expect(signedLifetime(signed_url)).toBe(3600 + WINDOW);
        expect(Date.parse(signed_url_expires_at)).toBeLessThan(signedAtMs(signed_url) + (3600 + WINDOW) * 1000);
        await expectDownload(signed_url);
        seen.push(asset.id);
      }
      cursor = body.meta.next_cursor;
    } while (cursor);
    // Newest first: created_at to the millisecond, then id, as everywhere in listings.
    expect(seen).toEqual(newestFirst(images));
  });

  it("signs with expires_in and disposition", async () => {
    const { key } = await createWorkspace();
    await uploadAsset(key);
    const { data } = await json(await list(key, "?include=signed_url&expires_in=45&disposition=attachment"));
    expect(signedLifetime(data[0].signed_url)).toBe(stretched(45));
    expect(new URL(data[0].signed_url).searchParams.get("response-content-disposition")).toBe(
      'attachment; filename="picture.png"',
    );
  });

  it("leaves assets as they are without include", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    expect((await json(await list(key, ""))).data).toEqual([asset]);
  });

  it.each([
    ["?include=thumbnails", "include"],
    ["?expires_in=60", "include"],
    ["?disposition=inline", "include"],
    ["?include=signed_url&expires_in=0", "expires_in"],
  ])("answers 400 for %s naming %s", async (query, field) => {
    const { key } = await createWorkspace();
    const response = await list(key, query);
    expect(response.status).toBe(400);
    expect((await json(response)).error.details).toHaveProperty(field);
  });

  it("asks caches to revalidate listings, and answers an unchanged one with 304", async () => {
    const { key } = await createWorkspace();
    await uploadAsset(key);
    const first = await list(key, "");
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).not.toBe("");
    await first.arrayBuffer();
    const unchanged = await list(key, "", { headers: { "If-None-Match": etag } });
    expect(unchanged.status).toBe(304);
    await uploadAsset(key);
    const changed = await list(key, "", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect((await json(changed)).data).toHaveLength(2);
  });
});
