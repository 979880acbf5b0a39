import { and, count, desc, eq, gt, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
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

export interface AssetPage {
  rows: AssetRow[];
  total: number;
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

/** One query however many ids; ids of other workspaces are simply absent from the result. */
export async function findAssetsByIds(db: Database, workspaceId: string, ids: readonly string[]) {
  return db
    .select()
    .from(assets)
    .where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, [...new Set(ids)]), notExpired()));
}

/** Deletes the row only if it still exists; returns false when another request got there first. */
export async function removeAsset(db: Database, workspaceId: string, id: string): Promise<boolean> {
  const removed = await db
    .delete(assets)
    .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)))
    .returning({ id: assets.id });
  return removed.length > 0;
}

export function filterConditions(workspaceId: string, filters: AssetFilters): SQL[] {
  const conditions: SQL[] = [eq(assets.workspaceId, workspaceId)];
  if (filters.type) conditions.push(eq(assets.type, filters.type));
  if (filters.provider) conditions.push(eq(assets.provider, filters.provider));
  if (filters.executionId) conditions.push(eq(assets.executionId, filters.executionId));
  if (filters.agentId) conditions.push(eq(assets.agentId, filters.agentId));
  if (filters.createdAfter) {
    // The id bound narrows the index range by second; created_at keeps millisecond precision.
    conditions.push(gte(assets.id, lowestIdAt(filters.createdAfter)));
    conditions.push(gte(assets.createdAt, filters.createdAfter.toISOString()));
  }
  if (filters.createdBefore) {
    const nextSecond = new Date(filters.createdBefore.getTime() + 1000);
    conditions.push(lt(assets.id, lowestIdAt(nextSecond)));
    conditions.push(lt(assets.createdAt, filters.createdBefore.toISOString()));
  }
  return conditions;
}

/** Only finished, unexpired assets are listed; `status` follows the workspace in every list index. */
export function listConditions(workspaceId: string, filters: AssetFilters, now = new Date()): SQL[] {
  return [...filterConditions(workspaceId, filters), eq(assets.status, "ready"), notExpired(now)];
}

export async function listAssets(
  db: Database,
  workspaceId: string,
  filters: AssetFilters,
  pagination: Pagination,
): Promise<AssetPage> {
  const conditions = listConditions(workspaceId, filters);
  const pageConditions = "cursor" in pagination ? [...conditions, lt(assets.id, pagination.cursor)] : conditions;
  const offset = "page" in pagination ? (pagination.page - 1) * pagination.limit : 0;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(assets)
      .where(and(...pageConditions))
      .orderBy(desc(assets.id))
      .limit(pagination.limit + 1)
      .offset(offset),
    db
      .select({ total: count() })
      .from(assets)
      .where(and(...conditions)),
  ]);
  const hasMore = rows.length > pagination.limit;
  const pageRows = hasMore ? rows.slice(0, pagination.limit) : rows;
  return {
    rows: pageRows,
    total: counted?.total ?? 0,
    nextCursor: hasMore ? (pageRows.at(-1)?.id ?? null) : null,
  };
}
