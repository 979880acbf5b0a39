import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { downloadHeaders } from "../../src/assets/download-headers";
import { api, bucketKeys, createWorkspace, json, uploadAsset, uploadRequest, withKey } from "../support/helpers";

const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function signedUrlsOf(key: string, workspaceId: string, id: string, query = "") {
  const single = (await json(await api(`/api/v1/assets/${id}/signed-url${query}`, withKey(key)))).data.url;
  const batch = await api(
    "/api/v1/assets/signed-urls",
    withKey(key, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ids: [id], disposition: "inline" }),
    }),
  );
  const listed = await json(await api("/api/v1/assets?include=signed_url&disposition=inline", withKey(key)));
  const rpc = await env.EDGE_SITE.signedUrl(workspaceId, id, { disposition: "inline" });
  return [
    single,
    (await json(batch)).data[0].url,
    listed.data[0].signed_url,
    (rpc as { data: { url: string } }).data.url,
  ];
}

describe("nothing active renders from storage's origin", () => {
  it("signs every URL of an SVG as an attachment of its own type, even when inline is asked for", async () => {
    const { key, workspaceId } = await createWorkspace();
    const svg = await uploadAsset(key, { bytes: SVG, fileName: "logo.svg", contentType: "image/svg+xml" });
    for (const url of await signedUrlsOf(key, workspaceId, svg.id, "?disposition=inline")) {
      const params = new URL(url).searchParams;
      expect(params.get("response-content-disposition")).toBe('attachment; filename="logo.svg"');
      expect(params.get("response-content-type")).toBe("image/svg+xml");
      const served = await fetch(url);
      expect(served.headers.get("Content-Disposition")).toBe('attachment; filename="logo.svg"');
      expect(served.headers.get("Content-Type")).toBe("image/svg+xml");
      await served.arrayBuffer();
    }
  });

  it("leaves passive media inline when asked, and always names the stored type", async () => {
    const { key, workspaceId } = await createWorkspace();
    const png = await uploadAsset(key);
    for (const url of await signedUrlsOf(key, workspaceId, png.id)) {
      expect(new URL(url).searchParams.get("response-content-type")).toBe("image/png");
    }
    const inline = (await json(await api(`/api/v1/assets/${png.id}/signed-url?disposition=inline`, withKey(key)))).data;
    expect(new URL(inline.url).searchParams.get("response-content-disposition")).toMatch(/^inline;/);
  });

  // (A form part's parameters, `image/png; a=b`, never reach us: the multipart parser keeps only the essence.)
  it.each(["image/png, text/html", "image/x,text/html", "image/png,text/xml", "image/", "image/*", "IMAGE/PNG,"])(
    "refuses a form upload typed %j with 415 naming the file part, storing nothing",
    async (contentType) => {
      const { key, workspaceId } = await createWorkspace();
      const response = await uploadRequest(key, { contentType });
      expect(response.status).toBe(415);
      expect((await json(response)).error.details).toEqual({ file: expect.any(String) });
      expect(await bucketKeys(`${workspaceId}/`)).toEqual([]);
    },
  );

  it.each(["image/png, text/html", "image/png;charset=x", "image/*"])(
    "refuses a direct upload typed %j with 415 naming content_type",
    async (contentType) => {
      const { key } = await createWorkspace();
      const response = await api(
        "/api/v1/assets/uploads",
        withKey(key, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ file_name: "a.png", content_type: contentType, file_size: 10 }),
        }),
      );
      expect(response.status).toBe(415);
      expect((await json(response)).error.details).toEqual({ content_type: expect.any(String) });
      expect((await json(await api("/api/v1/assets", withKey(key)))).meta.total).toBe(0);
    },
  );

  it("serves a record typed before the strict rule as an opaque download", () => {
    expect(downloadHeaders("image/png, text/html", "inline")).toEqual({
      contentType: "application/octet-stream",
      disposition: "attachment",
    });
    expect(downloadHeaders("image/heic", undefined)).toEqual({ contentType: "image/heic", disposition: "attachment" });
    expect(downloadHeaders("video/mp4", "inline")).toEqual({ contentType: "video/mp4", disposition: "inline" });
  });
});
