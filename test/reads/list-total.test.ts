import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { insertAsset, listAssets } from "../../src/db/assets";
import { createDb } from "../../src/db/client";
import { newId } from "../../src/ids";

const db = createDb(env.DB);

/** Seven assets a second apart, straight into D1: images, then an audio every third. */
async function seedWorkspace() {
  const workspaceId = `ws_total_${crypto.randomUUID()}`;
  const start = Date.now() - 60_000;
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    const id = newId(start + i * 1000);
    const type = i % 3 === 0 ? "audio" : "image";
    await insertAsset(db, {
      id,
      workspaceId,
      type,
      fileName: `f${i}`,
      fileSize: 1,
      contentType: type === "audio" ? "audio/mpeg" : "image/png",
      storageKey: `${workspaceId}/${id}/f${i}`,
      metadata: {},
      createdAt: new Date(start + i * 1000).toISOString(),
    });
    ids.push(id);
  }
  return { workspaceId, newestFirst: ids.reverse() };
}

describe("bounded totals", () => {
  it("counts at most countLimit rows past the page and says when total is a lower bound", async () => {
    const { workspaceId, newestFirst } = await seedWorkspace();
    const first = await listAssets(db, workspaceId, {}, { limit: 2, page: 1 }, 2);
    expect(first.rows.map((row) => row.id)).toEqual(newestFirst.slice(0, 2));
    expect(first).toMatchObject({ total: 4, totalExact: false });
    // The cursor names the last row's place: its created_at in milliseconds, then its id.
    expect(first.nextCursor).toBe(`${Date.parse(first.rows[1]?.createdAt ?? "")}.${newestFirst[1]}`);

    const second = await listAssets(db, workspaceId, {}, { limit: 2, page: 2 }, 2);
    expect(second).toMatchObject({ total: 6, totalExact: false });

    const third = await listAssets(db, workspaceId, {}, { limit: 2, page: 3 }, 2);
    expect(third).toMatchObject({ total: 7, totalExact: true });

    expect(second.rows[1]?.id).toBe(newestFirst[3]);
    const cursor = await listAssets(db, workspaceId, {}, { limit: 2, cursor: second.nextCursor ?? "" }, 2);
    expect(cursor.rows.map((row) => row.id)).toEqual(newestFirst.slice(4, 6));
    expect(cursor).toMatchObject({ total: 4, totalExact: false });

    const exact = await listAssets(db, workspaceId, { type: "audio" }, { limit: 2, page: 1 }, 2);
    expect(exact).toMatchObject({ total: 3, totalExact: true });
  });

  it("never ends page-number iteration early: total_pages stays ahead of the page while more exist", async () => {
    const { workspaceId, newestFirst } = await seedWorkspace();
    const seen: string[] = [];
    let page = 1;
    let totalPages = 1;
    do {
      // The smallest bound: even then every page is reached.
      const result = await listAssets(db, workspaceId, {}, { limit: 2, page }, 1);
      seen.push(...result.rows.map((row) => row.id));
      totalPages = Math.ceil(result.total / 2);
      page++;
    } while (page <= totalPages);
    expect(seen).toEqual(newestFirst);
  });
});
