import { eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type AssetType, assets } from "./schema";

export interface AssetFilters {
  type?: AssetType;
  provider?: string;
  model?: string;
  executionId?: string;
  agentId?: string;
  createdAfter?: Date;
  createdBefore?: Date;
}

type EqualityFilter = "type" | "provider" | "model" | "executionId" | "agentId";

const COLUMNS: Record<EqualityFilter, SQLiteColumn> = {
  type: assets.type,
  provider: assets.provider,
  model: assets.model,
  executionId: assets.executionId,
  agentId: assets.agentId,
};

// Which filters seek the index, most selective first: an execution holds a handful of assets and
// an agent a small share, while type, provider and model have few values and so pair up (see the
// indexes in schema.ts). The first entry whose filters are all present wins.
const LEADS: EqualityFilter[][] = [
  ["executionId"],
  ["agentId"],
  ["provider", "model"],
  ["type", "model"],
  ["type", "provider"],
  ["model"],
  ["provider"],
  ["type"],
];

/**
 * The conditions of a listing or a bulk delete. Filters outside the chosen lead are written as
 * `+column = ?`: the unary plus keeps SQLite from seeking another index with them, so it walks the
 * lead's index in order and checks them on each entry (the leading indexes carry those columns).
 */
export function filterConditions(workspaceId: string, filters: AssetFilters): SQL[] {
  const conditions: SQL[] = [eq(assets.workspaceId, workspaceId)];
  const present = (Object.keys(COLUMNS) as EqualityFilter[]).filter((name) => filters[name] !== undefined);
  const lead = LEADS.find((names) => names.every((name) => present.includes(name))) ?? [];
  for (const name of present) {
    const value = filters[name];
    conditions.push(lead.includes(name) ? eq(COLUMNS[name], value) : sql`+${COLUMNS[name]} = ${value}`);
  }
  if (filters.createdAfter) conditions.push(gte(assets.createdAt, filters.createdAfter.toISOString()));
  if (filters.createdBefore) conditions.push(lt(assets.createdAt, filters.createdBefore.toISOString()));
  return conditions;
}

/** True when only the workspace limits the listing: the case the hourly counts can place. */
export function hasNoFilters(filters: AssetFilters): boolean {
  return Object.values(filters).every((value) => value === undefined);
}
