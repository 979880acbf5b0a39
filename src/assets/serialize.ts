import type { AssetRow } from "../db/schema";
import type { Storage } from "../storage/s3";

/** What an asset created before providers defaulted (and so stored without one) answers. */
export const LEGACY_PROVIDER = "upload";

export function toApiAsset(row: AssetRow, storage: Storage) {
  return {
    id: row.id,
    workspace_id: row.workspaceId,
    execution_id: row.executionId,
    agent_id: row.agentId,
    type: row.type,
    // Rows written before every way in set a provider hold null; they all came in as uploads or imports.
    provider: row.provider ?? LEGACY_PROVIDER,
    file_name: row.fileName,
    file_size: row.fileSize,
    content_type: row.contentType,
    storage_key: row.storageKey,
    metadata: row.metadata,
    public_url: storage.publicUrl(row.storageKey),
    created_at: row.createdAt,
    status: row.status,
    expires_at: row.expiresAt,
    storage_path: row.storageKey,
    mime_type: row.contentType,
    updated_at: row.updatedAt ?? row.createdAt,
    model: row.model,
    prompt: row.prompt,
    config: row.config,
    created_by_id: row.createdById,
  };
}
