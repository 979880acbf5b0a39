// Requests speak snake_case and the services camelCase: incoming fields are renamed here (answers in src/assets/serialize.ts).
import type { z } from "@hono/zod-openapi";
import type { AssetInput } from "../../assets/new-asset";
import type { AssetFilters } from "../../db/assets";
import type { AssetType } from "../../db/schema";
import type { ListFilters } from "./assets.schemas";

/** The listing filters as the query layer takes them; bulk delete matches exactly the same set. */
export function toAssetFilters(query: z.infer<typeof ListFilters>): AssetFilters {
  return {
    type: query.type,
    provider: query.provider,
    executionId: query.execution_id,
    agentId: query.agent_id,
    model: query.model,
    createdAfter: query.created_after ? new Date(query.created_after) : undefined,
    createdBefore: query.created_before ? new Date(query.created_before) : undefined,
  };
}

interface AssetFieldsBody {
  type?: AssetType;
  provider?: string;
  execution_id?: string;
  agent_id?: string;
  metadata?: Record<string, unknown>;
  expires_at?: string;
}

/** The optional fields every way in accepts, renamed from the API's snake_case for the services. */
export function toAssetFields(body: AssetFieldsBody): Omit<AssetInput, "fileName" | "contentType"> {
  return {
    type: body.type,
    provider: body.provider,
    executionId: body.execution_id,
    agentId: body.agent_id,
    metadata: body.metadata,
    expiresAt: body.expires_at,
  };
}
