import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";

const HOUR_MS = 3_600_000;

/** Where page-number listing should start walking to reach `offset`. */
export type DeepPageStart = { found: true; createdBefore: string; skip: number } | { found: false; total: number };

/**
 * One statement that places row `offset` of a workspace's unfiltered, newest-first listing from
 * its hourly counts: the visible rows of every later hour are summed (ready assets, minus those
 * already expired and not yet removed by the cleanup job), and the hour that holds the row is
 * returned with the number of rows newer than it, and the workspace's total.
 */
export function deepPageQuery(workspaceId: string, offset: number, now: Date): SQL {
  // The unary pluses keep the expired-row count on the partial expires_at index: those rows are few,
  // where the workspace's own indexes would walk every asset it has.
  return sql`
    WITH expired AS (
      SELECT substr(created_at, 1, 13) AS hour, count(*) AS n FROM assets
      WHERE expires_at <= ${now.toISOString()} AND +workspace_id = ${workspaceId} AND +status = 'ready'
      GROUP BY 1
    ), visible AS (
      SELECT counts.hour, counts.ready - coalesce(expired.n, 0) AS n
      FROM asset_hour_counts AS counts LEFT JOIN expired ON expired.hour = counts.hour
      WHERE counts.workspace_id = ${workspaceId}
    ), running AS (
      SELECT hour, n, sum(n) OVER (ORDER BY hour DESC ROWS UNBOUNDED PRECEDING) AS through FROM visible
    )
    SELECT totals.total, start.hour, start.newer
    FROM (SELECT sum(n) AS total FROM visible) AS totals
    LEFT JOIN (
      SELECT hour, through - n AS newer FROM running WHERE through > ${offset} ORDER BY hour DESC LIMIT 1
    ) AS start`;
}

/**
 * Where page-number listing should start walking to reach `offset`: at the end of the hour that
 * holds the row, so a page in the middle of a million assets steps over at most one hour's rows,
 * not half a million. When `offset` is past the end, `total` says how many rows there are.
 */
export async function locateDeepPage(
  db: Database,
  workspaceId: string,
  offset: number,
  now = new Date(),
): Promise<DeepPageStart> {
  const [row] = await db.all<{ total: number | null; hour: string | null; newer: number | null }>(
    deepPageQuery(workspaceId, offset, now),
  );
  if (!row?.hour || row.newer === null) return { found: false, total: row?.total ?? 0 };
  const hourEnd = new Date(Date.parse(`${row.hour}:00:00.000Z`) + HOUR_MS).toISOString();
  return { found: true, createdBefore: hourEnd, skip: offset - row.newer };
}
