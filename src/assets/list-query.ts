import type { z } from "@hono/zod-openapi";
import type { AssetFilters, Pagination } from "../db/assets";
import type { ListQuery } from "../routes/assets/assets.schemas";

export type ListQueryInput = z.infer<typeof ListQuery>;

/** The listing filters named by a validated list query (the API's and the browser's). */
export function assetFilters(query: ListQueryInput): AssetFilters {
  return {
    type: query.type,
    provider: query.provider,
    executionId: query.execution_id,
    agentId: query.agent_id,
    createdAfter: query.created_after ? new Date(query.created_after) : undefined,
    createdBefore: query.created_before ? new Date(query.created_before) : undefined,
  };
}

/** A cursor wins over a page number; the first page is the default. */
export function listPagination(query: ListQueryInput): { page: number; pagination: Pagination } {
  const { limit } = query;
  if (query.cursor) return { page: 1, pagination: { limit, cursor: query.cursor } };
  const page = query.page ?? 1;
  return { page, pagination: { limit, page } };
}
