import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const assetTypes = ["audio", "image", "video"] as const;
export type AssetType = (typeof assetTypes)[number];

// Every listing is "one workspace, optionally one filter, newest first". KSUIDs sort by
// creation time, so each index ends in `id`: SQLite walks it backwards and never sorts.
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
  },
  (table) => [
    index("assets_workspace_id_idx").on(table.workspaceId, table.id),
    index("assets_workspace_type_idx").on(table.workspaceId, table.type, table.id),
    index("assets_workspace_provider_idx").on(table.workspaceId, table.provider, table.id),
    index("assets_workspace_execution_idx").on(table.workspaceId, table.executionId, table.id),
    index("assets_workspace_agent_idx").on(table.workspaceId, table.agentId, table.id),
  ],
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
export type ApiKeyRow = typeof apiKeys.$inferSelect;
