import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, storageHas, uploadAsset, withKey } from "../support/helpers";
import { expectHeldUntilUploadUrlExpires } from "../support/ingest-helpers";

describe("DELETE /api/v1/assets/{id}", () => {
  it("removes the object from storage and the row; a second delete is 404", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    expect(await storageHas(asset.storage_key)).toBe(true);

    const first = await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }));
    expect(first.status).toBe(204);
    expect(await first.text()).toBe("");
    expect(await storageHas(asset.storage_key)).toBe(false);
    expect((await api(`/api/v1/assets/${asset.id}`, withKey(key))).status).toBe(404);
    await expectHeldUntilUploadUrlExpires(asset.storage_key, asset.created_at);

    const second = await api(`/api/v1/assets/${asset.id}`, withKey(key, { method: "DELETE" }));
    expect(second.status).toBe(404);
    expect((await json(second)).error.code).toBe("not_found");
  });
});
