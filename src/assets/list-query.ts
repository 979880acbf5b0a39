import type { z } from "@hono/zod-openapi";
import type { Pagination } from "../db/assets";
import type { ListQuery } from "../routes/assets/assets.schemas";

export type ListQueryInput = z.infer<typeof ListQuery>;

/** A cursor wins over a page number; the first page is the default. */
export function listPagination(query: ListQueryInput): { page: number; pagination: Pagination } {
  const { limit } = query;
  if (query.cursor) return { page: 1, pagination: { limit, cursor: query.cursor } };
  const page = query.page ?? 1;
  return { page, pagination: { limit, page } };
}
