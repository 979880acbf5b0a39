import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, api, createWorkspace, json, storageHas, uploadAsset } from "../support/helpers";
import { assetRow } from "../support/ingest-helpers";

const runMaintenance = (token?: string) =>
  api("/api/v1/admin/maintenance", {
    method: "POST",
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

describe("POST /api/v1/admin/maintenance", () => {
  it("needs the admin token", async () => {
    expect((await runMaintenance()).status).toBe(401);
    expect((await runMaintenance("not-the-admin-token")).status).toBe(401);
    const { key } = await createWorkspace();
    expect((await runMaintenance(key)).status).toBe(401);
  });

  it("runs the cron's sweep now and answers its report", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key, { fields: { expires_at: new Date(Date.now() + 1000).toISOString() } });
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const response = await runMaintenance(ADMIN_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const { data } = await json(response);
    expect(Object.keys(data).sort()).toEqual([
      "abandoned_uploads",
      "expired_assets",
      "storage_deleted",
      "storage_failed",
      "storage_held",
      "storage_still_owed",
      "webhook_events_sent",
    ]);
    expect(data.expired_assets).toBeGreaterThanOrEqual(1);
    expect(data.storage_deleted).toBeGreaterThanOrEqual(1);
    // The key is younger than UPLOAD_URL_TTL, so it stays watched after storage confirmed it.
    expect(data.storage_held).toBeGreaterThanOrEqual(1);
    expect(await assetRow(asset.id)).toBeNull();
    expect(await storageHas(asset.storage_key)).toBe(false);
  });
});
