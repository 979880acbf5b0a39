import { z } from "@hono/zod-openapi";
import { ListFilters } from "./assets.schemas";

export const BulkDeleteQuery = ListFilters.refine(
  (filters) => Object.values(filters).some((value) => value !== undefined),
  "give at least one filter: type, provider, execution_id, agent_id, created_after or created_before",
);

export const BulkDeleteAnswer = z
  .object({ deleted: z.number().int().openapi({ description: "Assets removed, pending uploads included." }) })
  .openapi("BulkDeleteResult");
