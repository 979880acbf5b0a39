import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { insertAsset, listAssets } from "../../src/db/assets";
import { createDb } from "../../src/db/client";
import { newId } from "../../src/ids";

const db = createDb(env.DB);

describe("creation-time filters", () => {
  it("decide by millisecond inside the boundary second and by id outside it", async () => {
    const workspaceId = `ws_dates_${crypto.randomUUID()}`;
    const second = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    // Two assets in the second before, three inside one second (at .100, .500, .900), one after.
    const times = [second - 1000, second - 1, second + 100, second + 500, second + 900, second + 1000];
    const ids: string[] = [];
    for (const [i, time] of times.entries()) {
      const id = newId(time);
      ids.push(id);
      await insertAsset(db, {
        id,
        workspaceId,
        type: "image",
        fileName: `f${i}`,
        fileSize: 1,
        contentType: "image/png",
        storageKey: `${workspaceId}/${id}/f${i}`,
        metadata: {},
        createdAt: new Date(time).toISOString(),
      });
    }
    const names = async (filters: { createdAfter?: Date; createdBefore?: Date }) => {
      const page = await listAssets(db, workspaceId, filters, { limit: 20, page: 1 });
      expect(page.total).toBe(page.rows.length);
      return page.rows.map((row) => row.fileName).sort();
    };
    expect(await names({ createdAfter: new Date(second + 500) })).toEqual(["f3", "f4", "f5"]);
    expect(await names({ createdAfter: new Date(second + 501) })).toEqual(["f4", "f5"]);
    expect(await names({ createdBefore: new Date(second + 500) })).toEqual(["f0", "f1", "f2"]);
    expect(await names({ createdBefore: new Date(second + 901) })).toEqual(["f0", "f1", "f2", "f3", "f4"]);
    expect(await names({ createdAfter: new Date(second + 100), createdBefore: new Date(second + 900) })).toEqual([
      "f2",
      "f3",
    ]);
  });
});
