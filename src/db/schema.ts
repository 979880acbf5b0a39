import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const assetTypes = ["audio", "image", "video"] as const;
export type AssetType = (typeof assetTypes)[number];

export const assetStatuses = ["pending", "ready"] as const;
export type AssetStatus = (typeof assetStatuses)[number];

// Every listing is "one workspace, ready assets, optionally one filter, newest first". KSUIDs
// sort by creation time, so `id` follows the equality columns: SQLite walks the index backwards
// and never sorts. The trailing `expires_at` lets counts skip expired rows from the index alone.
export const assets = sqliteTable(
  "assets",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    executionId: text("execution_id"),
    agentId: text("agent_id"),
    type: text("type", { enum: assetTypes }).notNull(),
    provider: text("provider"),
    fileName: text("file_name").notNull(),
    fileSize: integer("file_size").notNull(),
    contentType: text("content_type").notNull(),
    storageKey: text("storage_key").notNull(),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    createdAt: text("created_at").notNull(),
    status: text("status", { enum: assetStatuses }).notNull().default("ready"),
    expiresAt: text("expires_at"),
    // While a multipart upload is pending: its S3 upload id and the part size it was planned with.
    uploadId: text("upload_id"),
    partSize: integer("part_size"),
  },
  (table) => [
    index("assets_workspace_id_idx").on(table.workspaceId, table.status, table.id, table.expiresAt),
    index("assets_workspace_type_idx").on(table.workspaceId, table.status, table.type, table.id, table.expiresAt),
    index("assets_workspace_provider_idx").on(
      table.workspaceId,
      table.status,
      table.provider,
      table.id,
      table.expiresAt,
    ),
    index("assets_workspace_execution_idx").on(
      table.workspaceId,
      table.status,
      table.executionId,
      table.id,
      table.expiresAt,
    ),
    index("assets_workspace_agent_idx").on(table.workspaceId, table.status, table.agentId, table.id, table.expiresAt),
    // The cleanup job's scans: assets past their expiry, and uploads left pending.
    index("assets_expires_at_idx").on(table.expiresAt).where(sql`${table.expiresAt} IS NOT NULL`),
    index("assets_pending_created_idx").on(table.createdAt).where(sql`${table.status} = 'pending'`),
  ],
);

/**
 * Storage work still owed: an object to delete and, for an unfinished multipart upload, the upload
 * to abort. Rows are written in the same transaction that removes an asset, and removed only once
 * storage confirms, so no object outlives its asset even if a request dies half-way.
 */
export const storageDeletions = sqliteTable(
  "storage_deletions",
  {
    storageKey: text("storage_key").primaryKey(),
    uploadId: text("upload_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: text("next_attempt_at").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("storage_deletions_next_attempt_idx").on(table.nextAttemptAt)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull(),
    keyPrefix: text("key_prefix").notNull(),
    createdAt: text("created_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (table) => [
    uniqueIndex("api_keys_key_hash_idx").on(table.keyHash),
    index("api_keys_workspace_idx").on(table.workspaceId, table.id),
  ],
);

export type AssetRow = typeof assets.$inferSelect;
export type NewAssetRow = typeof assets.$inferInsert;
export type StorageDeletionRow = typeof storageDeletions.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
