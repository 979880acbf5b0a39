import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, PNG_BYTES, storageHas, uploadAsset, withKey } from "../support/helpers";
import { asSignedIn, formPost, page, SESSION_COOKIE, setCookies } from "../support/ui-helpers";
import { signedLifetime, stretched } from "../support/url-helpers";

describe("the asset page", () => {
  it("shows every field, the formatted metadata and a large preview", async () => {
    const { key, workspaceId } = await createWorkspace();
    const metadata = { prompt: "a sunset", seed: 42, tags: ["sea", "sky"] };
    const asset = await uploadAsset(key, {
      fileName: "sunset.png",
      fields: { provider: "fal", agent_id: "painter", execution_id: "exec-9", metadata: JSON.stringify(metadata) },
    });
    const response = await page(`/ui/assets/${asset.id}`, asSignedIn(key));
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const value of [asset.id, workspaceId, asset.storage_key, asset.public_url, "image/png", "70 bytes"]) {
      expect(html).toContain(value);
    }
    expect(html).toContain('<a href="/ui/assets?provider=fal" title="All assets with this provider">fal</a>');
    expect(html).toContain('<a href="/ui/assets?agent_id=painter"');
    expect(html).toContain('<a href="/ui/assets?execution_id=exec-9"');
    expect(html).toContain(`<time datetime="${asset.created_at}">`);
    expect(html).toContain(JSON.stringify(metadata, null, 2).replaceAll('"', "&quot;"));
    expect(html).toMatch(
      /<img src="http:\/\/127\.0\.0\.1:\d+\/[^"]+X-Amz-Signature=[0-9a-f]+" alt="Preview of sunset\.png" loading="eager"/,
    );
    expect(html).toContain(`<a class="button" href="/ui/assets/${asset.id}/download">Download</a>`);
  });

  it("returns to the gallery view it came from, and only to a gallery view", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const from = await page(
      `/ui/assets/${asset.id}?back=${encodeURIComponent("provider=fal&type=image")}`,
      asSignedIn(key),
    );
    const html = await from.text();
    expect(html).toContain('<a href="/ui/assets?type=image&amp;provider=fal">← All assets</a>');
    expect(html).toContain(`href="/ui/assets/${asset.id}/delete?back=type%3Dimage%26provider%3Dfal"`);
    const forged = await page(`/ui/assets/${asset.id}?back=${encodeURIComponent("//evil.example")}`, asSignedIn(key));
    expect(await forged.text()).toContain('<a href="/ui/assets">← All assets</a>');
  });

  it("answers 404 pages for another workspace's asset and for malformed ids", async () => {
    const owner = await createWorkspace("owner");
    const other = await createWorkspace("other");
    const asset = await uploadAsset(owner.key);
    const paths = [
      `/ui/assets/${asset.id}`,
      `/ui/assets/${asset.id}/delete`,
      `/ui/assets/${asset.id}/download`,
      "/ui/assets/not-an-id",
      "/ui/no-such-page",
    ];
    for (const path of paths) {
      const response = await page(path, asSignedIn(other.key));
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("<h1>Not found</h1>");
    }
    const remove = await page(`/ui/assets/${asset.id}/delete`, asSignedIn(other.key, formPost({})));
    expect(remove.status).toBe(404);
    const signed = await page(`/ui/assets/${asset.id}/signed-url`, asSignedIn(other.key, formPost({})));
    expect(signed.status).toBe(404);
    expect(await storageHas(asset.storage_key)).toBe(true);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(owner.key))).status).toBe(200);
  });

  it("issues a fresh signed URL as JSON for the copy button, or as a page without scripts", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const path = `/ui/assets/${asset.id}/signed-url`;
    const response = await page(path, asSignedIn(key, formPost({}, { Accept: "application/json" })));
    expect(response.status).toBe(200);
    const { data } = await json(response);
    expect(data.expires_in).toBe(3600);
    const download = await fetch(data.url);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG_BYTES);

    const fallback = await page(path, asSignedIn(key, formPost({})));
    expect(fallback.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await fallback.text()).toMatch(/<input type="url" readonly="" value="http:\/\/127\.0\.0\.1:\d+\/[^"]+"/);

    const signedOut = await page(path, formPost({}, { Accept: "application/json" }));
    expect(signedOut.status).toBe(401);
    expect((await json(signedOut)).error.code).toBe("unauthorized");
  });

  it("downloads through a short-lived attachment URL that keeps the original name", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fileName: "Sunset at Dusk (final).png" });
    const response = await page(`/ui/assets/${asset.id}/download`, asSignedIn(key));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location") ?? "");
    // 300 s asked for, plus the cache-friendly signing window.
    expect(signedLifetime(location.toString())).toBe(stretched(300));
    const file = await fetch(location);
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="Sunset at Dusk (final).png"');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG_BYTES);
  });
});

describe("deleting from the browser", () => {
  it("asks first, then removes the object and the row and returns to the gallery", async () => {
    const { key } = await createWorkspace();
    const kept = await uploadAsset(key, { fileName: "kept.png" });
    const asset = await uploadAsset(key, { fileName: "doomed.png" });
    const confirm = await page(`/ui/assets/${asset.id}/delete?back=type%3Dimage`, asSignedIn(key));
    const html = await confirm.text();
    expect(html).toContain("Delete “doomed.png”?");
    expect(html).toContain(`<form method="post" action="/ui/assets/${asset.id}/delete" class="actions">`);
    expect(html).toContain('<input type="hidden" name="back" value="type=image"/>');
    expect(await storageHas(asset.storage_key)).toBe(true);

    const response = await page(`/ui/assets/${asset.id}/delete`, asSignedIn(key, formPost({ back: "type=image" })));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/ui/assets?type=image");
    expect(await storageHas(asset.storage_key)).toBe(false);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    expect(await storageHas(kept.storage_key)).toBe(true);

    const flash = setCookies(response).find((cookie) => cookie.startsWith("asset-flash=")) ?? "";
    const gallery = await page("/ui/assets?type=image", {
      headers: { Cookie: `${SESSION_COOKIE}=${key}; ${flash.split(";")[0]}` },
    });
    const galleryHtml = await gallery.text();
    expect(galleryHtml).toContain("Deleted “doomed.png”.");
    expect(galleryHtml).not.toContain(asset.id);
    expect(galleryHtml).toContain(kept.id);
    expect(setCookies(gallery)).toContain("asset-flash=; Max-Age=0; Path=/ui; HttpOnly; Secure; SameSite=Strict");

    const again = await page(`/ui/assets/${asset.id}/delete`, asSignedIn(key, formPost({})));
    expect(again.status).toBe(404);
  });

  it("refuses a cross-site delete and keeps the asset", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const response = await page(
      `/ui/assets/${asset.id}/delete`,
      asSignedIn(key, formPost({}, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" })),
    );
    expect(response.status).toBe(403);
    expect(await storageHas(asset.storage_key)).toBe(true);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(200);
  });
});
