import { and, desc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import {
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEventType,
  webhookAttempts,
  webhookDeliveries,
  webhookEvents,
} from "./schema";

export interface DeliveryRecord {
  delivery: WebhookDeliveryRow;
  eventType: WebhookEventType;
  attempts: WebhookAttemptRow[];
}

async function deliveryRecords(db: Database, conditions: SQL[], limit: number): Promise<DeliveryRecord[]> {
  const rows = await db
    .select({ delivery: webhookDeliveries, eventType: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row.delivery.id));
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, sql`(SELECT value FROM json_each(${ids}))`))
    .orderBy(desc(webhookAttempts.attemptedAt));
  return rows.map((row) => ({
    ...row,
    attempts: attempts.filter((attempt) => attempt.deliveryId === row.delivery.id),
  }));
}

/** A webhook's deliveries newest first, each with its event's type and every attempt, newest first. */
export async function listDeliveries(db: Database, webhookId: string, limit: number, before?: string) {
  const conditions = [eq(webhookDeliveries.webhookId, webhookId)];
  if (before) conditions.push(lt(webhookDeliveries.id, before));
  return deliveryRecords(db, conditions, limit);
}

export async function findDelivery(db: Database, webhookId: string, id: string): Promise<DeliveryRecord | undefined> {
  const [record] = await deliveryRecords(
    db,
    [eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.id, id)],
    1,
  );
  return record;
}
