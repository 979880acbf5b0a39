import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertAsset, listAssets } from "../../src/db/assets";
import { createDb } from "../../src/db/client";
import { assets } from "../../src/db/schema";
import { retireAssets } from "../../src/db/storage-deletions";
import { markAssetReady } from "../../src/db/uploads";
import { newId } from "../../src/ids";

const db = createDb(env.DB);
const HOUR = 3_600_000;

/** 40 assets over five hours: some expired, some still pending upload. */
async function seedWorkspace() {
  const workspaceId = `ws_deep_${crypto.randomUUID()}`;
  const start = Math.floor(Date.now() / HOUR) * HOUR - 10 * HOUR;
  const rows = [];
  for (let i = 0; i < 40; i++) {
    const createdAt = new Date(start + Math.floor(i / 8) * HOUR + (i % 8) * 60_000);
    const id = newId(createdAt.getTime());
    const expiresAt = i % 7 === 3 ? new Date(Date.now() - 1000).toISOString() : null;
    rows.push(
      await insertAsset(db, {
        id,
        workspaceId,
        type: "image",
        fileName: `f${i}.png`,
        fileSize: 1,
        contentType: "image/png",
        storageKey: `${workspaceId}/${id}/f${i}.png`,
        metadata: {},
        createdAt: createdAt.toISOString(),
        status: i % 11 === 5 ? "pending" : "ready",
        expiresAt,
      }),
    );
  }
  return { workspaceId, rows };
}

/** Every page both ways: placed from the hourly counts, and stepped over with OFFSET. */
async function expectSamePages(workspaceId: string) {
  for (let page = 1; page <= 16; page++) {
    const pagination = { limit: 3, page };
    const placed = await listAssets(db, workspaceId, {}, pagination, 4, 0);
    const stepped = await listAssets(db, workspaceId, {}, pagination, 4, Number.POSITIVE_INFINITY);
    expect({ ...placed, rows: placed.rows.map((row) => row.id) }, `page ${page}`).toEqual({
      ...stepped,
      rows: stepped.rows.map((row) => row.id),
    });
  }
}

describe("deep page numbers", () => {
  it("give the same pages and totals as stepping over every row, past the end included", async () => {
    const { workspaceId } = await seedWorkspace();
    const last = await listAssets(db, workspaceId, {}, { limit: 3, page: 11 }, 4, 0);
    expect(last.rows.length).toBeGreaterThan(0);
    expect(await listAssets(db, workspaceId, {}, { limit: 3, page: 16 }, 4, 0)).toMatchObject({
      rows: [],
      total: 31,
      totalExact: true,
    });
    await expectSamePages(workspaceId);
  });

  it("follow deletions and completed uploads through the hourly counts", async () => {
    const { workspaceId, rows } = await seedWorkspace();
    // The statement every delete runs: the row goes, its file is owed.
    for (const row of rows.filter((_, i) => i % 5 === 0)) {
      await retireAssets(db, [eq(assets.workspaceId, workspaceId), eq(assets.id, row.id)]);
    }
    for (const row of rows.filter((row) => row.status === "pending")) {
      const { ready } = await markAssetReady(db, row);
      if (ready) expect(ready.updatedAt && ready.updatedAt >= row.createdAt).toBe(true);
    }
    await expectSamePages(workspaceId);
  });
});
