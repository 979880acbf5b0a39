import { env } from "cloudflare:workers";
import { and, asc, inArray } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { abandonedUploads, expiredAssets } from "../../src/cleanup/cleanup";
import { loadConfig } from "../../src/config";
import { filterConditions, findAssetsByIds } from "../../src/db/assets";
import { createDb } from "../../src/db/client";
import { assets, storageDeletions } from "../../src/db/schema";

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

// Listing plans, for every filter combination, are checked in query-plan.test.ts; these are the other scans.
describe("bulk delete and cleanup query plans", () => {
  it("looks up batch-signing ids by primary key, however large the workspace", async () => {
    const plan = await planOf(findAssetsByIds(db, "ws_plan", ["2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", "x"]));
    expect(plan).toContain("USING INDEX sqlite_autoindex_assets_1 (id=?)");
    expect(plan).not.toContain("assets_workspace_");
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
