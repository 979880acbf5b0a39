import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const webhookEventTypes = ["asset.created", "asset.deleted", "asset.expired"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const deliveryStatuses = ["pending", "sending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A workspace's receiver. The secret signs every delivery; the previous one keeps signing for a day after a rotation. */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    url: text("url").notNull(),
    description: text("description"),
    events: text("events", { mode: "json" }).$type<WebhookEventType[]>().notNull(),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: text("previous_secret_expires_at"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("webhooks_workspace_idx").on(table.workspaceId, table.id)],
);

/**
 * The outbox: one row per event, written in the same D1 batch as the change it reports. `sent_at`
 * stays null until the queue accepted the event, so the cron can send again what a request could not.
 * `data` is the asset row as it was, in column names; deliveries turn it into the API's shape.
 */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    type: text("type", { enum: webhookEventTypes }).notNull(),
    assetId: text("asset_id").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
  },
  (table) => [
    // An asset is created once and removed once: a repeated statement can never report it twice.
    uniqueIndex("webhook_events_asset_type_idx").on(table.assetId, table.type),
    index("webhook_events_unsent_idx").on(table.createdAt).where(sql`${table.sentAt} IS NULL`),
  ],
);

/** One event for one webhook, however many attempts it takes. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    webhookId: text("webhook_id").notNull(),
    eventId: text("event_id").notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull(),
    attemptCount: integer("attempt_count").notNull().default(0),
    // A claimed delivery belongs to one consumer until then, so two copies of a message never both send.
    claimedUntil: text("claimed_until"),
    nextAttemptAt: text("next_attempt_at"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_webhook_event_idx").on(table.webhookId, table.eventId),
    // The dead-letter consumer finds an event's deliveries by event alone.
    index("webhook_deliveries_event_idx").on(table.eventId),
    index("webhook_deliveries_webhook_idx").on(table.webhookId, table.id),
  ],
);

/** Every HTTP attempt of a delivery: when, the answer's status (null when none came), how long. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id").notNull(),
    attemptedAt: text("attempted_at").notNull(),
    responseStatus: integer("response_status"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (table) => [index("webhook_attempts_delivery_idx").on(table.deliveryId, table.id)],
);

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
