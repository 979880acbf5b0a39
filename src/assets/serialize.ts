import type { AssetRow } from "../db/schema";
import type { Storage } from "../storage/s3";

export function toApiAsset(row: AssetRow, storage: Storage) {
  return {
    id: row.id,
    workspace_id: row.workspaceId,
    execution_id: row.executionId,
    agent_id: row.agentId,
    type: row.type,
    provider: row.provider,
    file_name: row.fileName,
    file_size: row.fileSize,
    content_type: row.contentType,
    storage_key: row.storageKey,
    metadata: row.metadata,
    public_url: storage.publicUrl(row.storageKey),
    created_at: row.createdAt,
    status: row.status,
    expires_at: row.expiresAt,
  };
}
