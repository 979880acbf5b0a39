import { z } from "zod";
import { toApiAsset } from "../assets/serialize";
import { assetStatuses, assetTypes, type WebhookEventRow } from "../db/schema";
import type { Storage } from "../storage/s3";

const JsonObject = z.record(z.string(), z.unknown());

// The outbox's snapshot of the asset row (src/db/outbox.ts), read back before it becomes an API asset.
const AssetSnapshot = z.object({
  id: z.string(),
  workspace_id: z.string(),
  execution_id: z.string().nullable(),
  agent_id: z.string().nullable(),
  type: z.enum(assetTypes),
  provider: z.string().nullable(),
  file_name: z.string(),
  file_size: z.number(),
  content_type: z.string(),
  storage_key: z.string(),
  metadata: JsonObject,
  created_at: z.string(),
  status: z.enum(assetStatuses),
  expires_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  model: z.string().nullable(),
  prompt: z.string().nullable(),
  config: JsonObject.nullable(),
  created_by_id: z.string().nullable(),
});

/** The body a receiver gets: `{type, timestamp, data}`, with the asset exactly as the API returns it. */
export function eventBody(event: WebhookEventRow, storage: Storage): string {
  const snapshot = AssetSnapshot.parse(event.data);
  const data = toApiAsset(
    {
      id: snapshot.id,
      workspaceId: snapshot.workspace_id,
      executionId: snapshot.execution_id,
      agentId: snapshot.agent_id,
      type: snapshot.type,
      provider: snapshot.provider,
      fileName: snapshot.file_name,
      fileSize: snapshot.file_size,
      contentType: snapshot.content_type,
      storageKey: snapshot.storage_key,
      metadata: snapshot.metadata,
      createdAt: snapshot.created_at,
      status: snapshot.status,
      expiresAt: snapshot.expires_at,
      updatedAt: snapshot.updated_at,
      model: snapshot.model,
      prompt: snapshot.prompt,
      config: snapshot.config,
      createdById: snapshot.created_by_id,
      uploadId: null,
      partSize: null,
    },
    storage,
  );
  return JSON.stringify({ type: event.type, timestamp: event.createdAt, data });
}
