import type { Config } from "../config";
import type { Database } from "../db/client";
import { claimDelivery, ensureDeliveries, failDeliveries, findDeliveryRow, recordAttempt } from "../db/deliveries";
import { findEvent } from "../db/outbox";
import type { WebhookDeliveryRow, WebhookEventRow, WebhookRow } from "../db/schema";
import { subscribedWebhooks } from "../db/webhooks";
import type { Services } from "../services";
import type { EventMessage } from "./event-message";
import { eventBody } from "./event-payload";
import { sendWebhook } from "./send-webhook";

/** Queues delay a retry by at most 12 hours. */
const MAX_DELAY_SECONDS = 43_200;
// A claim outlives the request's timeout, so a sender that died mid-attempt frees it soon after.
const CLAIM_MARGIN_MS = 30_000;

export type DeliveryOutcome = { done: true } | { done: false; delaySeconds: number };

/** WEBHOOK_RETRY_DELAY_SECONDS, doubled for each attempt the message has had. */
export function retryDelaySeconds(config: Config, attempts: number): number {
  return Math.min(config.WEBHOOK_RETRY_DELAY_SECONDS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_SECONDS);
}

/**
 * The claim was refused: another copy finished the delivery (nothing left to do), or it is
 * `sending` under another sender's claim. That sender may have died mid-attempt, so the message
 * comes back once the claim has lapsed, and claims it then if it is still unfinished:
 * acknowledging it would leave the delivery `sending` for ever.
 */
async function afterRefusedClaim(db: Database, id: string, delaySeconds: number): Promise<number | null> {
  const current = await findDeliveryRow(db, id);
  if (current?.status !== "sending") return null;
  const lapsesIn = current.claimedUntil ? Math.ceil((Date.parse(current.claimedUntil) - Date.now()) / 1000) : 0;
  return Math.min(Math.max(delaySeconds, lapsesIn + 1), MAX_DELAY_SECONDS);
}

/** One attempt, if this message may make it: null when the delivery needs nothing more, else seconds until the next. */
async function attemptDelivery(
  services: Services,
  delivery: WebhookDeliveryRow,
  hook: WebhookRow,
  event: WebhookEventRow,
  delaySeconds: number,
): Promise<number | null> {
  const { config, db, storage } = services;
  if (delivery.status === "succeeded" || delivery.status === "failed") return null;
  const until = new Date(Date.now() + config.WEBHOOK_TIMEOUT_MS + CLAIM_MARGIN_MS);
  const claimed = await claimDelivery(db, delivery.id, until);
  if (!claimed) return afterRefusedClaim(db, delivery.id, delaySeconds);
  const attemptedAt = new Date().toISOString();
  const result = await sendWebhook(hook, event, eventBody(event, storage), config.WEBHOOK_TIMEOUT_MS);
  await recordAttempt(db, claimed, {
    attempt: { attemptedAt, responseStatus: result.responseStatus, durationMs: result.durationMs, error: result.error },
    status: result.ok ? "succeeded" : "pending",
    nextAttemptAt: result.ok ? null : new Date(Date.now() + delaySeconds * 1000).toISOString(),
  });
  return result.ok ? null : delaySeconds;
}

/**
 * Delivers one event to every webhook of its workspace that wants it (or to the one a redelivery
 * names). Deliveries that already succeeded are skipped, so a retried message only repeats what failed.
 * `attempts` is the queue's count for this message, which sets the backoff.
 */
export async function deliverEvent(
  services: Services,
  message: EventMessage,
  attempts: number,
): Promise<DeliveryOutcome> {
  const { db } = services;
  const event = await findEvent(db, message.event_id);
  if (!event) return { done: true };
  const hooks = await subscribedWebhooks(db, event.workspaceId, event.type, message.webhook_id);
  const deliveries = await ensureDeliveries(
    db,
    event.id,
    hooks.map((hook) => hook.id),
  );
  const delaySeconds = retryDelaySeconds(services.config, attempts);
  const waits = await Promise.all(
    deliveries.map((delivery) => {
      const hook = hooks.find((candidate) => candidate.id === delivery.webhookId);
      return hook ? attemptDelivery(services, delivery, hook, event, delaySeconds) : null;
    }),
  );
  const pending = waits.filter((wait): wait is number => wait !== null);
  return pending.length === 0 ? { done: true } : { done: false, delaySeconds: Math.max(...pending) };
}

/** A message that used up its retries: what it still owed is failed, and stays redeliverable by hand. */
export async function giveUpEvent(services: Services, message: EventMessage): Promise<void> {
  await failDeliveries(services.db, message.event_id, message.webhook_id);
}
