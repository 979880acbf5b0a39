// Requests speak snake_case and the services camelCase: incoming fields are renamed here (answers in src/assets/serialize.ts).
import type { z } from "@hono/zod-openapi";
import type { ListFilters } from "../contract/assets.schemas";
import { MetadataObject } from "../contract/fields";
import type { AssetFilters } from "../db/assets";
import type { AssetType } from "../db/schema";
import { ApiError } from "../errors";
import type { CompletedPart } from "../storage/multipart";
import type { AssetInput } from "./new-asset";

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
  model?: string;
  prompt?: string;
  config?: Record<string, unknown>;
  expires_at?: string;
}

/** The optional fields every way in accepts, renamed from the API's snake_case for the services. */
export function toAssetFields(body: AssetFieldsBody): Omit<AssetInput, "fileName" | "contentType" | "createdById"> {
  return {
    type: body.type,
    provider: body.provider,
    executionId: body.execution_id,
    agentId: body.agent_id,
    metadata: body.metadata,
    model: body.model,
    prompt: body.prompt,
    config: body.config,
    expiresAt: body.expires_at,
  };
}

/** The form sends metadata and config as JSON text: each must parse, and to an object. */
export function parseJsonObject(field: "metadata" | "config", text: string | undefined) {
  if (text === undefined || text.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", `${field} is not valid JSON.`, { [field]: "must be valid JSON" });
  }
  const parsed = MetadataObject.safeParse(value);
  if (!parsed.success) {
    throw new ApiError("invalid_request", `${field} must be a JSON object.`, { [field]: "must be a JSON object" });
  }
  return parsed.data;
}

export function toCompletedParts(
  parts: { part_number: number; etag: string }[] | undefined,
): CompletedPart[] | undefined {
  return parts?.map((part) => ({ partNumber: part.part_number, etag: part.etag }));
}
