import { and, count, desc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { locateDeepPage } from "./deep-page";
import { decodeCursor, encodeCursor } from "./list-cursor";
import { type AssetFilters, filterConditions, hasNoFilters } from "./list-filters";
import { type AssetRow, assets, type NewAssetRow } from "./schema";

export { type AssetFilters, filterConditions } from "./list-filters";

/** `cursor` is a `next_cursor` value (see list-cursor.ts), validated where it came in. */
export type Pagination = { limit: number } & ({ cursor: string } | { page: number });

/**
 * Counting stops this many rows past the end of the page, so `total` costs the same at ten
 * thousand assets as at a million. Beyond it `total` is a lower bound and `totalExact` is false.
 */
export const COUNT_LIMIT = 10_000;

/**
 * Unfiltered page-number listings this deep are placed through the hourly counts (deep-page.ts)
 * instead of stepping over every earlier row; shallower pages step, which is cheaper there.
 */
export const DEEP_PAGE_OFFSET = 2_000;

export interface AssetPage {
  rows: AssetRow[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

/** `updated_at` starts as the creation time unless the caller sets it. */
export async function insertAsset(db: Database, row: NewAssetRow): Promise<AssetRow> {
  const [inserted] = await db
    .insert(assets)
    .values({ ...row, updatedAt: row.updatedAt ?? row.createdAt })
    .returning();
  return inserted as AssetRow;
}

/** An asset past its `expires_at` is gone for clients even before the cleanup job removes it. */
export function notExpired(now = new Date()): SQL {
  return or(isNull(assets.expiresAt), gt(assets.expiresAt, now.toISOString())) as SQL;
}

/** Pending and ready assets alike: uploads are completed and deleted by id. */
export async function findAsset(db: Database, workspaceId: string, id: string) {
  return db.query.assets.findFirst({
    where: and(eq(assets.workspaceId, workspaceId), eq(assets.id, id), notExpired()),
  });
}

/**
 * One query however many ids; ids of other workspaces are simply absent from the result.
 * (A query builder: await it for the rows, or read its plan.)
 */
export function findAssetsByIds(db: Database, workspaceId: string, ids: readonly string[]) {
  // D1 binds at most 100 parameters per statement, so the ids travel as one JSON array.
  const idList = sql`(SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`;
  // The unary `+` keeps SQLite off the workspace indexes, which would walk every asset of the
  // workspace: each id is looked up by primary key and then checked against the workspace.
  const inWorkspace = sql`+${assets.workspaceId} = ${workspaceId}`;
  return db
    .select()
    .from(assets)
    .where(and(inArray(assets.id, idList), inWorkspace, notExpired()));
}

/** Only finished, unexpired assets are listed; `status` follows the workspace in every list index. */
export function listConditions(workspaceId: string, filters: AssetFilters, now = new Date()): SQL[] {
  return [...filterConditions(workspaceId, filters), eq(assets.status, "ready"), notExpired(now)];
}

const newestFirst = [desc(assets.createdAt), desc(assets.id)];

function cursorCondition(cursor: string): SQL {
  const position = decodeCursor(cursor);
  if (!position) throw new TypeError("listQueries takes a cursor that was validated as a next_cursor value");
  // A row value: SQLite seeks straight to this place in the (created_at, id) index order.
  return sql`(${assets.createdAt}, ${assets.id}) < (${position.createdAt}, ${position.id})`;
}

/**
 * The two statements of a listing, built here so tests can check their query plans: one page
 * newest first (keyset or OFFSET), and the matching rows counted up to a bound. `start` places a
 * deep page: the walk begins below `createdBefore` and skips `skip` rows instead of the offset.
 */
export function listQueries(
  db: Database,
  workspaceId: string,
  filters: AssetFilters,
  pagination: Pagination,
  countLimit = COUNT_LIMIT,
  start?: { createdBefore: string; skip: number },
) {
  const conditions = listConditions(workspaceId, filters);
  const offset = "page" in pagination ? (pagination.page - 1) * pagination.limit : 0;
  // Past the end of the page, so total_pages stays ahead of the page while more rows exist.
  const countCap = offset + pagination.limit + countLimit;
  if (start) conditions.push(lt(assets.createdAt, start.createdBefore));
  const pageConditions = "cursor" in pagination ? [...conditions, cursorCondition(pagination.cursor)] : conditions;
  const skip = start?.skip ?? offset;
  const page = db
    .select()
    .from(assets)
    .where(and(...pageConditions))
    .orderBy(...newestFirst)
    .limit(pagination.limit + 1)
    .offset(skip);
  // A placed deep page counts from its own position: the `offset` rows before it are known to exist.
  const known = start ? offset : 0;
  const matching = db
    .select({ one: sql`1` })
    .from(assets)
    .where(and(...conditions))
    .limit(countCap - known + 1)
    .offset(start ? skip : 0)
    .as("matching");
  const total = db.select({ total: count() }).from(matching);
  return { page, total, countCap, counted: (rows: number) => known + rows };
}

export async function listAssets(
  db: Database,
  workspaceId: string,
  filters: AssetFilters,
  pagination: Pagination,
  countLimit = COUNT_LIMIT,
  deepPageOffset = DEEP_PAGE_OFFSET,
): Promise<AssetPage> {
  const offset = "page" in pagination ? (pagination.page - 1) * pagination.limit : 0;
  let start: { createdBefore: string; skip: number } | undefined;
  if (offset > 0 && offset >= deepPageOffset && hasNoFilters(filters)) {
    const located = await locateDeepPage(db, workspaceId, offset);
    if (!located.found) return { rows: [], total: located.total, totalExact: true, nextCursor: null };
    start = located;
  }
  const { page, total, countCap, counted } = listQueries(db, workspaceId, filters, pagination, countLimit, start);
  // One round trip to D1 for both statements.
  const [rows, [countedRows]] = await db.batch([page, total]);
  const hasMore = rows.length > pagination.limit;
  const pageRows = hasMore ? rows.slice(0, pagination.limit) : rows;
  const matched = counted(countedRows?.total ?? 0);
  const last = pageRows.at(-1);
  return {
    rows: pageRows,
    total: Math.min(matched, countCap),
    totalExact: matched <= countCap,
    nextCursor: hasMore && last ? encodeCursor(last) : null,
  };
}
