import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  api,
  createWorkspace,
  expectStorageMatchesDatabase,
  json,
  storageHas,
  uploadAsset,
  withKey,
} from "../support/helpers";
import { pngUpload, postJson, startUpload } from "../support/ingest-helpers";
import { asSignedIn, formPost, page } from "../support/ui-helpers";

/** Everything workspace B may try against workspace A's assets, on every surface that takes a workspace. */
describe("workspace isolation", () => {
  it("answers another workspace's key with 404 on every route, and changes nothing", async () => {
    const owner = await createWorkspace("owner");
    const intruder = await createWorkspace("intruder");
    const asset = await uploadAsset(owner.key, { fields: { execution_id: "exec_shared", provider: "fal" } });
    const pending = (await startUpload(owner.key, pngUpload())).asset;
    const as = (init: RequestInit = {}) => withKey(intruder.key, init);

    const notFound = [
      await api(`/api/v1/assets/${asset.id}`, as()),
      await api(`/api/v1/assets/${asset.id}/signed-url`, as()),
      await api(`/api/v1/assets/${asset.id}/signed-url?disposition=attachment`, as()),
      await api(`/api/v1/assets/${asset.id}`, as({ method: "DELETE" })),
      await api(`/api/v1/assets/${pending.id}`, as({ method: "DELETE" })),
      await postJson(intruder.key, `/api/v1/assets/${pending.id}/complete`, {}),
    ];
    for (const response of notFound) {
      expect(response.status).toBe(404);
      expect((await json(response)).error.code).toBe("not_found");
    }

    const batch = await postJson(intruder.key, "/api/v1/assets/signed-urls", { ids: [asset.id, pending.id] });
    expect((await json(batch)).data).toEqual([
      { id: asset.id, error: { code: "not_found", message: "Asset not found." } },
      { id: pending.id, error: { code: "not_found", message: "Asset not found." } },
    ]);
    const listed = await json(await api("/api/v1/assets?execution_id=exec_shared&include=signed_url", as()));
    expect(listed.data).toEqual([]);
    const bulk = await api("/api/v1/assets?provider=fal", as({ method: "DELETE" }));
    expect(await json(bulk)).toEqual({ data: { deleted: 0, pending_storage: 0 } });

    for (const path of [`/ui/assets/${asset.id}`, `/ui/assets/${asset.id}/download`, `/ui/assets/${asset.id}/delete`]) {
      expect((await page(path, asSignedIn(intruder.key))).status).toBe(404);
    }
    const uiDelete = await page(`/ui/assets/${asset.id}/delete`, asSignedIn(intruder.key, formPost({ back: "" })));
    expect(uiDelete.status).toBe(404);

    expect(await env.EDGE_SITE.get(intruder.workspaceId, asset.id)).toMatchObject({ error: { code: "not_found" } });
    expect(await env.EDGE_SITE.signedUrl(intruder.workspaceId, asset.id, {})).toMatchObject({
      error: { code: "not_found" },
    });

    // Nothing changed for the owner.
    expect((await json(await api(`/api/v1/assets/${asset.id}`, withKey(owner.key)))).data).toEqual(asset);
    expect((await json(await api(`/api/v1/assets/${pending.id}`, withKey(owner.key)))).data.status).toBe("pending");
    expect(await storageHas(asset.storage_key)).toBe(true);
    await expectStorageMatchesDatabase(owner.workspaceId);
  });
});
