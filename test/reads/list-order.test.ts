import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { insertAsset } from "../../src/db/assets";
import { createDb } from "../../src/db/client";
import { newId } from "../../src/ids";
import { api, createWorkspace, json, withKey } from "../support/helpers";

const db = createDb(env.DB);

/** One ready asset straight into D1, created at `createdAt` with the given id. */
async function assetAt(workspaceId: string, createdAt: Date, id = newId(createdAt.getTime())) {
  await insertAsset(db, {
    id,
    workspaceId,
    type: "image",
    fileName: `${id}.png`,
    fileSize: 1,
    contentType: "image/png",
    storageKey: `${workspaceId}/${id}/${id}.png`,
    metadata: {},
    createdAt: createdAt.toISOString(),
  });
  return id;
}

async function listIds(key: string, query: string): Promise<{ ids: string[]; next: string | null }> {
  const response = await api(`/api/v1/assets${query}`, withKey(key));
  expect(response.status).toBe(200);
  const { data, meta } = await json(response);
  return { ids: data.map((asset: { id: string }) => asset.id), next: meta.next_cursor };
}

describe("newest first, to the millisecond", () => {
  it("orders by created_at with milliseconds, then by id, in page and cursor listings", async () => {
    const { key, workspaceId } = await createWorkspace();
    const second = new Date(Date.now() - 60_000);
    second.setUTCMilliseconds(0);
    const at = (ms: number) => new Date(second.getTime() + ms);
    // KSUIDs of one second sort at random; created_at decides, and ids break exact ties.
    const late = await assetAt(workspaceId, at(900), newId(second.getTime()).replace(/^./, "0"));
    const early = await assetAt(workspaceId, at(100), newId(second.getTime()).replace(/^./, "Z"));
    const tiedLow = await assetAt(workspaceId, at(500), `${newId(second.getTime()).slice(0, 26)}0`);
    const tiedHigh = await assetAt(workspaceId, at(500), `${tiedLow.slice(0, 26)}1`);
    const expected = [late, tiedHigh, tiedLow, early];

    expect((await listIds(key, "?limit=10")).ids).toEqual(expected);
    expect((await listIds(key, "?limit=2&page=2")).ids).toEqual(expected.slice(2));
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const { ids, next }: { ids: string[]; next: string | null } = await listIds(
        key,
        cursor ? `?limit=1&cursor=${cursor}` : "?limit=1",
      );
      walked.push(...ids);
      cursor = next;
    } while (cursor);
    expect(walked).toEqual(expected);
  });

  it("walks by cursor without gaps or repeats while assets are created between pages", async () => {
    const { key, workspaceId } = await createWorkspace();
    const start = Date.now() - 3_600_000;
    const existing: { id: string; ms: number }[] = [];
    // Twelve assets, three to each millisecond, so page boundaries fall inside ties.
    for (let i = 0; i < 12; i++) {
      const ms = start + Math.floor(i / 3);
      existing.push({ id: await assetAt(workspaceId, new Date(ms)), ms });
    }
    const expected = existing.sort((a, b) => b.ms - a.ms || (b.id < a.id ? -1 : 1)).map((asset) => asset.id);
    const walked: string[] = [];
    const arrivedNewest: string[] = [];
    let cursor: string | null = null;
    do {
      const { ids, next }: { ids: string[]; next: string | null } = await listIds(
        key,
        cursor ? `?limit=5&cursor=${cursor}` : "?limit=5",
      );
      walked.push(...ids);
      cursor = next;
      // New assets arrive between pages: one newer than everything, one inside a millisecond
      // already listed (it sorts before or after the cursor by its id, never twice).
      arrivedNewest.push(await assetAt(workspaceId, new Date()));
      await assetAt(workspaceId, new Date(start + 2));
    } while (cursor);
    expect(arrivedNewest.length).toBeGreaterThan(2);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.filter((id) => expected.includes(id))).toEqual(expected);
    expect(walked.filter((id) => arrivedNewest.includes(id))).toEqual([]);
  });

  it("answers 400 naming cursor for a cursor that does not name a place", async () => {
    const { key } = await createWorkspace();
    for (const cursor of ["2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", "12.short", "99999999999999999.2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT"]) {
      const response = await api(`/api/v1/assets?cursor=${cursor}`, withKey(key));
      expect(response.status).toBe(400);
      expect((await json(response)).error.details).toHaveProperty("cursor");
    }
  });
});
