import type { z } from "@hono/zod-openapi";
import type { AssetFilters } from "../../db/assets";
import type { ListFilters } from "./assets.schemas";

/** The listing filters as the query layer takes them; bulk delete matches exactly the same set. */
export function toAssetFilters(query: z.infer<typeof ListFilters>): AssetFilters {
  return {
    type: query.type,
    provider: query.provider,
    executionId: query.execution_id,
    agentId: query.agent_id,
    createdAfter: query.created_after ? new Date(query.created_after) : undefined,
    createdBefore: query.created_before ? new Date(query.created_before) : undefined,
  };
}
