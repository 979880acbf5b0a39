import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { newId } from "../ids";
import type { Database } from "./client";
import {
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEventType,
  webhookAttempts,
  webhookDeliveries,
  webhookEvents,
} from "./schema";

/** One delivery per webhook for the event (existing ones are kept), returned with their state. */
export async function ensureDeliveries(
  db: Database,
  eventId: string,
  webhookIds: string[],
  now = new Date(),
): Promise<WebhookDeliveryRow[]> {
  if (webhookIds.length === 0) return [];
  const createdAt = now.toISOString();
  const rows = webhookIds.map((webhookId) => ({
    id: newId(now.getTime()),
    webhookId,
    eventId,
    status: "pending" as const,
    nextAttemptAt: createdAt,
    createdAt,
  }));
  await db.insert(webhookDeliveries).values(rows).onConflictDoNothing();
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.eventId, eventId), inArray(webhookDeliveries.webhookId, webhookIds)));
}

/**
 * Takes a pending delivery (or one whose claim lapsed) for one sender until `until`. Null when
 * another copy of the message got it first or it already succeeded: at most one sender at a time.
 */
export async function claimDelivery(db: Database, id: string, until: Date, now = new Date()) {
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ status: "sending", claimedUntil: until.toISOString() })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        or(
          eq(webhookDeliveries.status, "pending"),
          and(eq(webhookDeliveries.status, "sending"), lt(webhookDeliveries.claimedUntil, now.toISOString())),
        ),
      ),
    )
    .returning();
  return claimed ?? null;
}

export interface AttemptOutcome {
  attempt: Omit<WebhookAttemptRow, "id" | "deliveryId">;
  status: "succeeded" | "pending";
  nextAttemptAt: string | null;
}

/** Records one attempt and the delivery's new state together. */
export async function recordAttempt(db: Database, delivery: WebhookDeliveryRow, outcome: AttemptOutcome) {
  await db.batch([
    db.insert(webhookAttempts).values({ id: newId(), deliveryId: delivery.id, ...outcome.attempt }),
    db
      .update(webhookDeliveries)
      .set({
        status: outcome.status,
        attemptCount: sql`${webhookDeliveries.attemptCount} + 1`,
        claimedUntil: null,
        nextAttemptAt: outcome.nextAttemptAt,
      })
      .where(eq(webhookDeliveries.id, delivery.id)),
  ]);
}

/** Gives up on what is still owed for an event (its message reached the dead-letter queue). */
export async function failDeliveries(db: Database, eventId: string, webhookId?: string) {
  const conditions = [
    eq(webhookDeliveries.eventId, eventId),
    inArray(webhookDeliveries.status, ["pending", "sending"]),
  ];
  if (webhookId) conditions.push(eq(webhookDeliveries.webhookId, webhookId));
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", claimedUntil: null, nextAttemptAt: null })
    .where(and(...conditions));
}

/** Owes a finished delivery once more; null when it is being sent right now (or not found). */
export async function reopenDelivery(db: Database, webhookId: string, id: string, now = new Date()) {
  const [reopened] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: now.toISOString() })
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        eq(webhookDeliveries.id, id),
        inArray(webhookDeliveries.status, ["pending", "succeeded", "failed"]),
      ),
    )
    .returning();
  return reopened ?? null;
}

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
