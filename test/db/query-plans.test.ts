import { env } from "cloudflare:workers";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { type AssetFilters, listQueries, type Pagination } from "../../src/db/assets";
import { createDb } from "../../src/db/client";
import { deepPageQuery } from "../../src/db/deep-page";
import { assets } from "../../src/db/schema";

const db = createDb(env.DB);

const eachFilter: AssetFilters = {
  type: "image",
  provider: "fal",
  model: "flux-pro",
  executionId: "exec_1",
  agentId: "agent_1",
  createdAfter: new Date("2026-01-01T00:00:00Z"),
  createdBefore: new Date("2026-06-01T00:00:00Z"),
};
const names = Object.keys(eachFilter) as (keyof AssetFilters)[];
const pick = (chosen: (keyof AssetFilters)[]): AssetFilters =>
  Object.fromEntries(chosen.map((name) => [name, eachFilter[name]]));

/** Every subset of the filters: 2^7 combinations, from none to all. */
const combinations: AssetFilters[] = Array.from({ length: 1 << names.length }, (_, mask) =>
  pick(names.filter((_, bit) => mask & (1 << bit))),
);
// The date range counts as one filter, as in the benchmark's pairs.
const filterGroups: (keyof AssetFilters)[][] = [
  ["type"],
  ["provider"],
  ["model"],
  ["executionId"],
  ["agentId"],
  ["createdAfter", "createdBefore"],
];
const singlesAndPairs = filterGroups.flatMap((group, i) => [
  group,
  ...filterGroups.slice(i + 1).map((other) => [...group, ...other]),
]);
const paginations: [string, Pagination][] = [
  ["first page", { limit: 20, page: 1 }],
  ["page 50", { limit: 20, page: 50 }],
  ["cursor", { limit: 20, cursor: "1764397144403.2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT" }],
];

async function queryPlan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

const WORKSPACE_INDEX = /^SEARCH assets USING (COVERING )?INDEX assets_workspace_\w+ \(workspace_id=\?/;
const sortsOrScans = (plan: string[]) => plan.filter((step) => /TEMP B-TREE|^SCAN assets/.test(step));

function expectIndexWalk(plan: string[], where: string) {
  expect(
    plan.some((step) => WORKSPACE_INDEX.test(step)),
    where,
  ).toBe(true);
  expect(sortsOrScans(plan), where).toEqual([]);
}

describe("list query plans", () => {
  it("are checked by rules that catch a sort and a full scan", async () => {
    const plan = await queryPlan(db.select().from(assets).orderBy(assets.createdAt));
    expect(plan.some((step) => WORKSPACE_INDEX.test(step))).toBe(false);
    expect(sortsOrScans(plan)).toEqual(["SCAN assets", "USE TEMP B-TREE FOR ORDER BY"]);
  });

  it.each(paginations)(
    "walk a workspace index without sorting, for every filter combination (%s)",
    async (_, pagination) => {
      for (const filters of combinations) {
        const { page, total } = listQueries(db, "ws_plan", filters, pagination);
        for (const plan of [await queryPlan(page), await queryPlan(total)]) {
          expectIndexWalk(plan, `${JSON.stringify(filters)}: ${plan.join(" | ")}`);
        }
      }
    },
  );

  it.each(singlesAndPairs.map((group) => [group.join(" + "), group] as const))(
    "count %s from the index alone, never reading the table",
    async (_, group) => {
      const { total } = listQueries(db, "ws_plan", pick(group), { limit: 20, page: 1 });
      const plan = await queryPlan(total);
      const where = plan.join(" | ");
      expectIndexWalk(plan, where);
      expect(
        plan.filter((step) => step.startsWith("SEARCH assets")),
        where,
      ).toEqual([expect.stringMatching(/^SEARCH assets USING COVERING INDEX assets_workspace_\w+ /)]);
    },
  );

  it("place a deep page from the hourly counts and walk only within one hour", async () => {
    const start = { createdBefore: "2026-03-01T13:00:00.000Z", skip: 40 };
    const { page, total } = listQueries(db, "ws_plan", {}, { limit: 20, page: 25_000 }, undefined, start);
    for (const plan of [await queryPlan(page), await queryPlan(total)]) {
      const where = plan.join(" | ");
      expectIndexWalk(plan, where);
      expect(where).toContain("created_at<?");
    }
    const { sql, params } = new SQLiteSyncDialect().sqlToQuery(deepPageQuery("ws_plan", 500_000, new Date()));
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    const plan = results.map((row) => row.detail).join(" | ");
    expect(plan).toMatch(/SEARCH assets USING INDEX assets_expires_at_idx \(expires_at<\?\)/);
    expect(plan).toMatch(
      /SEARCH counts USING (COVERING )?INDEX sqlite_autoindex_asset_hour_counts_1 \(workspace_id=\?\)/,
    );
    expect(plan).not.toMatch(/SCAN assets|assets_workspace_/);
  });
});
