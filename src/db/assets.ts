import { and, count, desc, eq, gt, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { lowestIdAt } from "../ids";
import type { Database } from "./client";
import { type AssetRow, type AssetType, assets, type NewAssetRow } from "./schema";

export interface AssetFilters {
  type?: AssetType;
  provider?: string;
  executionId?: string;
  agentId?: string;
  createdAfter?: Date;
  createdBefore?: Date;
}

export type Pagination = { limit: number } & ({ cursor: string } | { page: number });

/**
 * Counting stops this many rows past the end of the page, so `total` costs the same at ten
 * thousand assets as at a million. Beyond it `total` is a lower bound and `totalExact` is false.
 */
export const COUNT_LIMIT = 10_000;

export interface AssetPage {
  rows: AssetRow[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

export async function insertAsset(db: Database, row: NewAssetRow): Promise<AssetRow> {
  const [inserted] = await db.insert(assets).values(row).returning();
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

/** Deletes the row only if it still exists; returns false when another request got there first. */
export async function removeAsset(db: Database, workspaceId: string, id: string): Promise<boolean> {
  const removed = await db
    .delete(assets)
    .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)))
    .returning({ id: assets.id });
  return removed.length > 0;
}

const nextSecond = (date: Date) => new Date(date.getTime() + 1000);

export function filterConditions(workspaceId: string, filters: AssetFilters): SQL[] {
  const conditions: SQL[] = [eq(assets.workspaceId, workspaceId)];
  const push = (condition: SQL | undefined) => condition && conditions.push(condition);
  if (filters.type) conditions.push(eq(assets.type, filters.type));
  if (filters.provider) conditions.push(eq(assets.provider, filters.provider));
  if (filters.executionId) conditions.push(eq(assets.executionId, filters.executionId));
  if (filters.agentId) conditions.push(eq(assets.agentId, filters.agentId));
  // The id bounds narrow the index range by second. created_at keeps millisecond precision but
  // lives in the table, so it is consulted only inside the boundary second: for every other row
  // the id alone decides, and counting needs no table lookups.
  if (filters.createdAfter) {
    conditions.push(gte(assets.id, lowestIdAt(filters.createdAfter)));
    const wholeSeconds = gte(assets.id, lowestIdAt(nextSecond(filters.createdAfter)));
    push(or(wholeSeconds, gte(assets.createdAt, filters.createdAfter.toISOString())));
  }
  if (filters.createdBefore) {
    conditions.push(lt(assets.id, lowestIdAt(nextSecond(filters.createdBefore))));
    const wholeSeconds = lt(assets.id, lowestIdAt(filters.createdBefore));
    push(or(wholeSeconds, lt(assets.createdAt, filters.createdBefore.toISOString())));
  }
  return conditions;
}

/** Only finished, unexpired assets are listed; `status` follows the workspace in every list index. */
export function listConditions(workspaceId: string, filters: AssetFilters, now = new Date()): SQL[] {
  return [...filterConditions(workspaceId, filters), eq(assets.status, "ready"), notExpired(now)];
}

/**
 * The two statements of a listing, built here so tests can check their query plans:
 * one page newest first (keyset or OFFSET), and the matching rows counted up to a bound.
 */
export function listQueries(
  db: Database,
  workspaceId: string,
  filters: AssetFilters,
  pagination: Pagination,
  countLimit = COUNT_LIMIT,
) {
  const conditions = listConditions(workspaceId, filters);
  const pageConditions = "cursor" in pagination ? [...conditions, lt(assets.id, pagination.cursor)] : conditions;
  const offset = "page" in pagination ? (pagination.page - 1) * pagination.limit : 0;
  // Past the end of the page, so total_pages stays ahead of the page while more rows exist.
  const countCap = offset + pagination.limit + countLimit;
  const page = db
    .select()
    .from(assets)
    .where(and(...pageConditions))
    .orderBy(desc(assets.id))
    .limit(pagination.limit + 1)
    .offset(offset);
  const matching = db
    .select({ one: sql`1` })
    .from(assets)
    .where(and(...conditions))
    .limit(countCap + 1)
    .as("matching");
  const total = db.select({ total: count() }).from(matching);
  return { page, total, countCap };
}

export async function listAssets(
  db: Database,
  workspaceId: string,
  filters: AssetFilters,
  pagination: Pagination,
  countLimit = COUNT_LIMIT,
): Promise<AssetPage> {
  const { page, total, countCap } = listQueries(db, workspaceId, filters, pagination, countLimit);
  // One round trip to D1 for both statements.
  const [rows, [counted]] = await db.batch([page, total]);
  const hasMore = rows.length > pagination.limit;
  const pageRows = hasMore ? rows.slice(0, pagination.limit) : rows;
  const matched = counted?.total ?? 0;
  return {
    rows: pageRows,
    total: Math.min(matched, countCap),
    totalExact: matched <= countCap,
    nextCursor: hasMore ? (pageRows.at(-1)?.id ?? null) : null,
  };
}
