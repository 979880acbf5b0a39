import type { z } from "@hono/zod-openapi";
import type { ListQuery } from "../contract/assets.schemas";
import type { Pagination } from "../db/assets";

export type ListQueryInput = z.infer<typeof ListQuery>;

/** A cursor wins over a page number; the first page is the default. */
export function listPagination(query: ListQueryInput): { page: number; pagination: Pagination } {
  const { limit } = query;
  if (query.cursor) return { page: 1, pagination: { limit, cursor: query.cursor } };
  const page = query.page ?? 1;
  return { page, pagination: { limit, page } };
}
