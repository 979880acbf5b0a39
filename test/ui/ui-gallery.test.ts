import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/db/list-cursor";
import { createWorkspace, newestFirst, PNG_BYTES, uploadAsset } from "../support/helpers";
import { asSignedIn, page } from "../support/ui-helpers";

async function galleryHtml(key: string, query = "") {
  const response = await page(`/ui/assets${query}`, asSignedIn(key));
  expect(response.status).toBe(200);
  return response.text();
}

/** The asset ids of the cards on a gallery page, in page order. */
function cardIds(html: string): string[] {
  return [...html.matchAll(/<li class="card" data-asset-id="([^"]+)"/g)].map((match) => match[1] ?? "");
}

// KSUIDs order by second, then randomly: "newest first" is descending id order, as in the API.
async function seed(key: string) {
  const image = await uploadAsset(key, {
    fileName: "sunset.png",
    fields: { provider: "fal", agent_id: "painter", execution_id: "exec-1" },
  });
  const audio = await uploadAsset(key, {
    fileName: "voice.wav",
    contentType: "audio/wav",
    fields: { provider: "elevenlabs", agent_id: "narrator", execution_id: "exec-1" },
  });
  const video = await uploadAsset(key, {
    fileName: "clip.mp4",
    contentType: "video/mp4",
    fields: { provider: "fal", agent_id: "painter", execution_id: "exec-2" },
  });
  return { image, audio, video };
}

describe("the gallery", () => {
  it("shows this workspace's assets newest first, with signed previews and their facts", async () => {
    const { key } = await createWorkspace();
    const other = await createWorkspace("other");
    const { image, audio, video } = await seed(key);
    const foreign = await uploadAsset(other.key, { fileName: "not-yours.png" });

    const html = await galleryHtml(key);
    expect(cardIds(html)).toEqual(newestFirst([video, audio, image]));
    expect(html).not.toContain(foreign.id);
    expect(html).toContain("3 assets");
    expect(html).toContain('<dt>Size</dt><dd title="70 bytes">70 bytes</dd>');
    expect(html).toContain("<dt>Provider</dt><dd>elevenlabs</dd><dt>Agent</dt><dd>narrator</dd>");
    expect(html).toContain("<dt>Execution</dt><dd>exec-2</dd>");
    expect(html).toMatch(/<time datetime="[^"]+" title="\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC">just now<\/time>/);
    expect(html).toContain(`aria-label="Play voice.wav"`);
    expect(html.match(/preload="metadata"/g)).toHaveLength(2);

    const src = /<img src="([^"]+)" alt="Preview of sunset.png" loading="lazy"/.exec(html)?.[1] ?? "";
    const preview = await fetch(src.replaceAll("&amp;", "&"));
    expect(preview.status).toBe(200);
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it.each([
    ["?type=audio", ["audio"]],
    ["?provider=fal", ["image", "video"]],
    ["?agent_id=painter&execution_id=exec-1", ["image"]],
    ["?type=video&provider=elevenlabs", []],
  ])("filters with %s from the query string", async (query, kinds) => {
    const { key } = await createWorkspace();
    const seeded = await seed(key);
    const html = await galleryHtml(key, query);
    expect(cardIds(html)).toEqual(newestFirst(kinds.map((kind) => seeded[kind as keyof typeof seeded])));
    if (kinds.length === 0) expect(html).toContain("No assets match these filters.");
  });

  it("keeps filter values in the form and drops blank fields from the address", async () => {
    const { key } = await createWorkspace();
    const blank = await page("/ui/assets?type=&provider=fal&agent_id=+&execution_id=", asSignedIn(key));
    expect(blank.status).toBe(302);
    expect(blank.headers.get("Location")).toBe("/ui/assets?provider=fal");
    const html = await galleryHtml(key, "?type=image&provider=fal");
    expect(html).toContain('<option value="image" selected="">image</option>');
    expect(html).toContain('<input name="provider" value="fal"');
    expect(html).toContain('<a class="button secondary" href="/ui/assets">Clear</a>');
  });

  it("explains invalid filters on a page that names each field", async () => {
    const { key } = await createWorkspace();
    const response = await page("/ui/assets?type=document&limit=500", asSignedIn(key));
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("The filters in this address are not valid.");
    expect(html).toContain("<code>type</code>");
    expect(html).toContain("<code>limit</code>");
  });

  it("pages through the assets with the cursor", async () => {
    const { key } = await createWorkspace();
    const { image, audio, video } = await seed(key);
    const [newest, middle, oldest] = newestFirst([image, audio, video]);
    const first = await galleryHtml(key, "?limit=2");
    expect(cardIds(first)).toEqual([newest, middle]);
    const older = /<a href="(\/ui\/assets\?[^"]+)" rel="next">/.exec(first)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const middleAsset = [image, audio, video].find((asset) => asset.id === middle);
    expect(older).toBe(
      `/ui/assets?limit=2&cursor=${encodeCursor({ createdAt: middleAsset?.created_at ?? "", id: middle ?? "" })}`,
    );
    const second = await galleryHtml(key, older.slice("/ui/assets".length));
    expect(cardIds(second)).toEqual([oldest]);
    expect(second).not.toContain('rel="next"');
    expect(second).toContain('<a href="/ui/assets?limit=2">← Newest assets</a>');
  });

  it("says how to add assets when the workspace is empty", async () => {
    const { key } = await createWorkspace();
    const html = await galleryHtml(key);
    expect(html).toContain("No assets yet");
    expect(html).toContain("curl -X POST https://assets.test/api/v1/assets");
    expect(cardIds(html)).toEqual([]);
  });

  it("renders a hostile file name and metadata as text", async () => {
    const { key } = await createWorkspace();
    const hostile = "<img src=x onerror=alert(1)>.png";
    const asset = await uploadAsset(key, {
      fileName: hostile,
      fields: { provider: '"><script>alert(2)</script>', metadata: JSON.stringify({ note: "</code><b>bold</b>" }) },
    });
    for (const path of ["/ui/assets", `/ui/assets/${asset.id}`, `/ui/assets/${asset.id}/delete`]) {
      const html = await (await page(path, asSignedIn(key))).text();
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;.png");
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<script>alert(2)");
      expect(html).not.toContain("<b>bold</b>");
    }
  });
});
