import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { newId } from "../ids";
import type { Database } from "./client";
import { type WebhookAttemptRow, type WebhookDeliveryRow, webhookAttempts, webhookDeliveries } from "./schema";

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

/** A delivery being sent whose sender's claim has run out: that sender died mid-attempt. */
const claimLapsed = (now: Date) =>
  and(eq(webhookDeliveries.status, "sending"), lt(webhookDeliveries.claimedUntil, now.toISOString()));

/**
 * Takes a pending delivery (or one whose claim lapsed) for one sender until `until`. Null when
 * another copy of the message holds it or it is finished: at most one sender at a time.
 */
export async function claimDelivery(db: Database, id: string, until: Date, now = new Date()) {
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ status: "sending", claimedUntil: until.toISOString() })
    .where(and(eq(webhookDeliveries.id, id), or(eq(webhookDeliveries.status, "pending"), claimLapsed(now))))
    .returning();
  return claimed ?? null;
}

export async function findDeliveryRow(db: Database, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.query.webhookDeliveries.findFirst({ where: eq(webhookDeliveries.id, id) });
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

/**
 * Owes a delivery once more, finished or left `sending` by a sender that died; null when it is
 * being sent right now (or not found).
 */
export async function reopenDelivery(db: Database, webhookId: string, id: string, now = new Date()) {
  const [reopened] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", claimedUntil: null, nextAttemptAt: now.toISOString() })
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        eq(webhookDeliveries.id, id),
        or(inArray(webhookDeliveries.status, ["pending", "succeeded", "failed"]), claimLapsed(now)),
      ),
    )
    .returning();
  return reopened ?? null;
}
