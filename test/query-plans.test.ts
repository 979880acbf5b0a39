import { env } from "cloudflare:workers";
import { and, asc, count, desc, inArray } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { type AssetFilters, filterConditions, listConditions } from "../src/db/assets";
import { createDb } from "../src/db/client";
import { assets, storageDeletions } from "../src/db/schema";
import { abandonedUploads, expiredAssets } from "../src/lifecycle/cleanup";

const db = createDb(env.DB);
const loaded = loadConfig(env);
if (!loaded.ok) throw new Error("test configuration is invalid");
const now = new Date();

/** SQLite's own account of how it runs a query, one line per step. */
async function planOf(query: Pick<SQLiteSelect, "toSQL">): Promise<string> {
  const { sql, params } = query.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail).join("\n");
}

describe("query plans", () => {
  it.each<[string, AssetFilters, string]>([
    ["no filter", {}, "assets_workspace_id_idx"],
    ["type", { type: "image" }, "assets_workspace_type_idx"],
    ["provider", { provider: "fal" }, "assets_workspace_provider_idx"],
    ["execution", { executionId: "e1" }, "assets_workspace_execution_idx"],
    ["agent", { agentId: "a1" }, "assets_workspace_agent_idx"],
    ["creation time", { createdAfter: now }, "assets_workspace_id_idx"],
  ])("lists ready assets by %s newest first from an index, without sorting", async (_label, filters, index) => {
    const where = and(...listConditions("ws_plan", filters));
    const page = await planOf(db.select().from(assets).where(where).orderBy(desc(assets.id)).limit(21));
    expect(page).toContain(`USING INDEX ${index}`);
    expect(page).not.toContain("TEMP B-TREE");
    // Counts need no table row except to check created_at's milliseconds.
    const total = await planOf(db.select({ total: count() }).from(assets).where(where));
    expect(total).toMatch(filters.createdAfter ? `USING INDEX ${index}` : /USING COVERING INDEX assets_workspace_/);
  });

  it("finds bulk-delete matches of both statuses from the same indexes", async () => {
    const where = and(
      ...filterConditions("ws_plan", { executionId: "e1" }),
      inArray(assets.status, ["pending", "ready"]),
    );
    expect(await planOf(db.select({ id: assets.id }).from(assets).where(where))).toMatch(
      /USING (COVERING )?INDEX assets_workspace_execution_idx \(workspace_id=\? AND status=\? AND execution_id=\?\)/,
    );
  });

  it("serves the cleanup job's scans from their partial indexes", async () => {
    const expired = db
      .select({ id: assets.id })
      .from(assets)
      .where(and(...expiredAssets(now)))
      .orderBy(asc(assets.expiresAt))
      .limit(100);
    expect(await planOf(expired)).toMatch(/USING (COVERING )?INDEX assets_expires_at_idx/);
    const abandoned = db
      .select({ id: assets.id })
      .from(assets)
      .where(and(...abandonedUploads(loaded.config, now)))
      .orderBy(asc(assets.createdAt))
      .limit(100);
    const plan = await planOf(abandoned);
    expect(plan).toMatch(/USING (COVERING )?INDEX assets_pending_created_idx/);
    expect(plan).not.toContain("TEMP B-TREE");
    const due = db.select().from(storageDeletions).orderBy(asc(storageDeletions.nextAttemptAt)).limit(100);
    expect(await planOf(due)).toContain("storage_deletions_next_attempt_idx");
  });
});
