import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, uploadAsset, withKey } from "../support/helpers";
import { expectDownload, signedLifetime, stretched } from "../support/url-helpers";

// Every call goes test → edge-site Worker → service binding (entrypoint AssetsRpc) → this Worker.
const site = env.EDGE_SITE;
const UNKNOWN_ID = "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT";

async function rest(key: string, path: string) {
  return json(await api(path, withKey(key)));
}

describe("the AssetsRpc entrypoint over a service binding", () => {
  it("gets and lists exactly what the REST API returns", async () => {
    const { key, workspaceId } = await createWorkspace();
    const image = await uploadAsset(key, { fields: { execution_id: "e1", metadata: '{"seed":7,"tags":["a"]}' } });
    await uploadAsset(key, { fileName: "voice.mp3", contentType: "audio/mpeg", fields: { execution_id: "e1" } });
    await uploadAsset(key, { fields: { execution_id: "e2" } });

    expect(await site.get(workspaceId, image.id)).toEqual(await rest(key, `/api/v1/assets/${image.id}`));
    expect(await site.list(workspaceId, {})).toEqual(await rest(key, "/api/v1/assets"));
    expect(await site.list(workspaceId, { execution_id: "e1", limit: 1 })).toEqual(
      await rest(key, "/api/v1/assets?execution_id=e1&limit=1"),
    );
    const firstPage = await rest(key, "/api/v1/assets?limit=2");
    expect(await site.list(workspaceId, { limit: 2, cursor: firstPage.meta.next_cursor })).toEqual(
      await rest(key, `/api/v1/assets?limit=2&cursor=${firstPage.meta.next_cursor}`),
    );
  });

  it("lists with signed URLs that download", async () => {
    const { key, workspaceId } = await createWorkspace();
    await uploadAsset(key);
    const page = await site.list(workspaceId, { include: "signed_url", expires_in: 300 });
    if ("error" in page) throw new Error(page.error.message);
    const [asset] = page.data;
    expect(signedLifetime(asset?.signed_url ?? "")).toBe(stretched(300));
    expect(Object.keys(asset ?? {}).sort()).toEqual(
      Object.keys((await rest(key, "/api/v1/assets?include=signed_url")).data[0]).sort(),
    );
    await expectDownload(asset?.signed_url ?? "");
  });

  it("signs one or many assets like the REST API", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    const single = await site.signedUrl(workspaceId, asset.id, { expires_in: 60, disposition: "inline" });
    if ("error" in single) throw new Error(single.error.message);
    expect(Object.keys(single.data).sort()).toEqual(["expires_at", "expires_in", "url"]);
    expect(single.data.expires_in).toBe(60);
    expect(signedLifetime(single.data.url)).toBe(stretched(60));
    await expectDownload(single.data.url);

    const batch = await site.signedUrls(workspaceId, [UNKNOWN_ID, asset.id]);
    if ("error" in batch) throw new Error(batch.error.message);
    expect(batch.data[0]).toEqual({ id: UNKNOWN_ID, error: { code: "not_found", message: "Asset not found." } });
    const signed = batch.data[1];
    if (!signed || !("url" in signed)) throw new Error("the asset was not signed");
    await expectDownload(signed.url);
  });

  it("returns REST-shaped errors: unknown and foreign assets are not found", async () => {
    const owner = await createWorkspace("owner");
    const other = await createWorkspace("other");
    const asset = await uploadAsset(owner.key);
    const notFound = { error: { code: "not_found", message: "Asset not found." } };
    expect(await site.get(other.workspaceId, asset.id)).toEqual(notFound);
    expect(await site.signedUrl(other.workspaceId, asset.id)).toEqual(notFound);
    expect(await site.get(owner.workspaceId, UNKNOWN_ID)).toEqual(
      await rest(owner.key, `/api/v1/assets/${UNKNOWN_ID}`),
    );
    // An id that is not a KSUID names no asset: the same not_found, alone in a batch too.
    expect(await site.get(owner.workspaceId, "../x")).toEqual(notFound);
    expect(await site.signedUrls(owner.workspaceId, [asset.id, "nope"])).toMatchObject({
      data: [
        { id: asset.id, url: expect.any(String) },
        { id: "nope", ...notFound },
      ],
    });
  });

  it.each([
    ["a malformed workspace id", () => site.get("../ws", UNKNOWN_ID), "workspace_id"],
    ["a limit over 100", () => site.list("ws_demo", { limit: 101 }), "limit"],
    ["page and cursor together", () => site.list("ws_demo", { page: 2, cursor: UNKNOWN_ID }), "cursor"],
    ["a lifetime over seven days", () => site.signedUrl("ws_demo", UNKNOWN_ID, { expires_in: 604_801 }), "expires_in"],
    ["an empty batch", () => site.signedUrls("ws_demo", []), "ids"],
  ])("answers invalid_request for %s, naming %s", async (_label, call, field) => {
    const result = await call();
    if (!("error" in result)) throw new Error("expected an error");
    expect(result.error.code).toBe("invalid_request");
    expect(result.error.details).toHaveProperty([field]);
  });

  it("renders an edge page from one call", async () => {
    const { key, workspaceId } = await createWorkspace();
    const image = await uploadAsset(key, { fileName: "sun & <moon>.png" });
    await uploadAsset(key, { fileName: "voice.mp3", contentType: "audio/mpeg" });
    const page = await site.fetch(`https://site.example/gallery/${workspaceId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/<img src="([^"]+)" alt="([^"]+)">/g)];
    expect(sources).toHaveLength(1);
    expect(sources[0]?.[2]).toBe("sun &#38; &#60;moon&#62;.png");
    await expectDownload((sources[0]?.[1] ?? "").replaceAll("&#38;", "&"));
    expect(image.file_name).toBe("sun & <moon>.png");
  });

  it("deletes like the REST API: gone from every read path, a second delete is not_found", async () => {
    const { key, workspaceId } = await createWorkspace();
    const asset = await uploadAsset(key);
    expect(await site.delete(workspaceId, asset.id)).toEqual({ data: { id: asset.id, status: "deleted" } });
    expect(await site.get(workspaceId, asset.id)).toEqual(await rest(key, `/api/v1/assets/${asset.id}`));
    expect(await site.delete(workspaceId, asset.id)).toMatchObject({ error: { code: "not_found" } });
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
  });
});
