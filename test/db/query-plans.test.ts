import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type AssetFilters, listQueries, type Pagination } from "../../src/db/assets";
import { createDb } from "../../src/db/client";
import { assets } from "../../src/db/schema";

const db = createDb(env.DB);

const eachFilter: AssetFilters = {
  type: "image",
  provider: "fal",
  executionId: "exec_1",
  agentId: "agent_1",
  createdAfter: new Date("2026-01-01T00:00:00Z"),
  createdBefore: new Date("2026-06-01T00:00:00Z"),
};
const names = Object.keys(eachFilter) as (keyof AssetFilters)[];

/** Every subset of the filters: 2^6 combinations, from none to all. */
const combinations: AssetFilters[] = Array.from({ length: 1 << names.length }, (_, mask) =>
  Object.fromEntries(names.filter((_, bit) => mask & (1 << bit)).map((name) => [name, eachFilter[name]])),
);
const paginations: [string, Pagination][] = [
  ["first page", { limit: 20, page: 1 }],
  ["page 50", { limit: 20, page: 50 }],
  ["cursor", { limit: 20, cursor: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT" }],
];

async function queryPlan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

const usesWorkspaceIndex = (plan: string[]) =>
  plan.some((step) => /^SEARCH assets USING (COVERING )?INDEX assets_workspace_\w+ \(workspace_id=\?/.test(step));
const sortsOrScans = (plan: string[]) => plan.filter((step) => /TEMP B-TREE|^SCAN assets/.test(step));

describe("list query plans", () => {
  it("are checked by rules that catch a sort and a full scan", async () => {
    const plan = await queryPlan(db.select().from(assets).orderBy(assets.createdAt));
    expect(usesWorkspaceIndex(plan)).toBe(false);
    expect(sortsOrScans(plan)).toEqual(["SCAN assets", "USE TEMP B-TREE FOR ORDER BY"]);
  });

  it.each(paginations)(
    "walk a workspace index without sorting, for every filter combination (%s)",
    async (_, pagination) => {
      for (const filters of combinations) {
        const { page, total } = listQueries(db, "ws_plan", filters, pagination);
        for (const plan of [await queryPlan(page), await queryPlan(total)]) {
          const where = `${JSON.stringify(filters)}: ${plan.join(" | ")}`;
          expect(
            plan.some((step) =>
              /^SEARCH assets USING (COVERING )?INDEX assets_workspace_\w+ \(workspace_id=\?/.test(step),
            ),
            where,
          ).toBe(true);
          expect(
            plan.filter((step) => /TEMP B-TREE|^SCAN assets/.test(step)),
            where,
          ).toEqual([]);
        }
      }
    },
  );
});
