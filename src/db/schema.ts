import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const assetTypes = ["audio", "image", "video"] as const;
export type AssetType = (typeof assetTypes)[number];

export const assetStatuses = ["pending", "ready"] as const;
export type AssetStatus = (typeof assetStatuses)[number];

// Every listing is "one workspace, ready assets, at most a few filters, newest first" in the order
// (created_at, id). Each index puts its equality columns first and then that order, so SQLite walks
// it backwards and never sorts; `expires_at` follows, so counts skip expired rows from the index alone.
// Two filters together seek one index: the pair indexes serve the low-cardinality pairs (type,
// provider, model), whose matches are sparse in either single index; agent and execution indexes
// are selective enough to lead, and carry the other filter columns so second filters and counts are
// checked from the index without reading the table. db/assets.ts picks the index for each listing.
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
    // The generation that produced the asset: model name, prompt text and settings (a JSON object).
    model: text("model"),
    prompt: text("prompt"),
    config: text("config", { mode: "json" }).$type<Record<string, unknown>>(),
    // Set on insert and whenever the status changes (rows are otherwise immutable).
    updatedAt: text("updated_at"),
    // The API key that created the asset.
    createdById: text("created_by_id"),
  },
  (table) => {
    const order = [table.createdAt, table.id, table.expiresAt] as const;
    const scope = [table.workspaceId, table.status] as const;
    const filters = [table.type, table.provider, table.model] as const;
    return [
      index("assets_workspace_created_idx").on(...scope, ...order),
      index("assets_workspace_type_idx").on(...scope, table.type, ...order),
      index("assets_workspace_provider_idx").on(...scope, table.provider, ...order),
      index("assets_workspace_model_idx").on(...scope, table.model, ...order),
      index("assets_workspace_agent_idx").on(...scope, table.agentId, ...order, ...filters),
      index("assets_workspace_execution_idx").on(...scope, table.executionId, ...order, ...filters, table.agentId),
      index("assets_workspace_type_provider_idx").on(...scope, table.type, table.provider, ...order),
      index("assets_workspace_type_model_idx").on(...scope, table.type, table.model, ...order),
      index("assets_workspace_provider_model_idx").on(...scope, table.provider, table.model, ...order),
      // The cleanup job's scans: assets past their expiry, and uploads left pending.
      index("assets_expires_at_idx").on(table.expiresAt).where(sql`${table.expiresAt} IS NOT NULL`),
      index("assets_pending_created_idx").on(table.createdAt).where(sql`${table.status} = 'pending'`),
    ];
  },
);

/**
 * How many ready assets each workspace holds per hour of `created_at` (the first 13 characters,
 * `2026-11-29T06`), kept by triggers on `assets` (see the migration that creates this table).
 * A page number deep in a workspace is found by summing these instead of stepping over every
 * earlier row: see db/deep-page.ts.
 */
export const assetHourCounts = sqliteTable(
  "asset_hour_counts",
  {
    workspaceId: text("workspace_id").notNull(),
    hour: text("hour").notNull(),
    ready: integer("ready").notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.hour] })],
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

export * from "./webhooks.schema";
