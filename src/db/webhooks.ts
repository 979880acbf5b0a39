import { and, count, desc, eq, exists, inArray, sql } from "drizzle-orm";
import type { Database } from "./client";
import { type WebhookEventType, type WebhookRow, webhookAttempts, webhookDeliveries, webhooks } from "./schema";

export async function insertWebhook(db: Database, row: WebhookRow): Promise<WebhookRow> {
  const [inserted] = await db.insert(webhooks).values(row).returning();
  return inserted ?? row;
}

export async function countWebhooks(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(webhooks).where(eq(webhooks.workspaceId, workspaceId));
  return row?.total ?? 0;
}

export async function listWebhooks(db: Database, workspaceId: string): Promise<WebhookRow[]> {
  return db.select().from(webhooks).where(eq(webhooks.workspaceId, workspaceId)).orderBy(desc(webhooks.id));
}

export async function findWebhook(db: Database, workspaceId: string, id: string): Promise<WebhookRow | undefined> {
  return db.query.webhooks.findFirst({ where: and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, id)) });
}

/** The workspace's webhooks that want `type`, optionally only one of them. */
export async function subscribedWebhooks(
  db: Database,
  workspaceId: string,
  type: WebhookEventType,
  webhookId?: string,
): Promise<WebhookRow[]> {
  const wants = sql`EXISTS (SELECT 1 FROM json_each(${webhooks.events}) WHERE json_each.value = ${type})`;
  const conditions = [eq(webhooks.workspaceId, workspaceId), wants];
  if (webhookId) conditions.push(eq(webhooks.id, webhookId));
  return db
    .select()
    .from(webhooks)
    .where(and(...conditions));
}

/** Removes the webhook with its delivery history in one batch; false when this workspace has no such webhook. */
export async function removeWebhook(db: Database, workspaceId: string, id: string): Promise<boolean> {
  const owned = and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, id));
  // The history goes first, while the webhook row still proves the workspace owns it.
  const ownedDeliveries = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.webhookId, id), exists(db.select({ id: webhooks.id }).from(webhooks).where(owned))),
    );
  const [, , removed] = await db.batch([
    db.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ownedDeliveries)),
    db.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, ownedDeliveries)),
    db.delete(webhooks).where(owned).returning({ id: webhooks.id }),
  ]);
  return removed.length > 0;
}

export async function replaceSecret(
  db: Database,
  row: WebhookRow,
  secret: string,
  previousExpiresAt: string,
): Promise<WebhookRow | undefined> {
  const [updated] = await db
    .update(webhooks)
    .set({ secret, previousSecret: row.secret, previousSecretExpiresAt: previousExpiresAt })
    .where(and(eq(webhooks.workspaceId, row.workspaceId), eq(webhooks.id, row.id)))
    .returning();
  return updated;
}
