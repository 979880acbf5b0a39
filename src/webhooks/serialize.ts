import type { DeliveryRecord } from "../db/delivery-records";
import type { WebhookAttemptRow, WebhookRow } from "../db/schema";

export function toApiWebhook(row: WebhookRow) {
  return {
    id: row.id,
    workspace_id: row.workspaceId,
    url: row.url,
    description: row.description,
    events: row.events,
    created_at: row.createdAt,
    previous_secret_expires_at: row.previousSecretExpiresAt,
  };
}

function toApiAttempt(row: WebhookAttemptRow) {
  return {
    attempted_at: row.attemptedAt,
    response_status: row.responseStatus,
    duration_ms: row.durationMs,
    error: row.error,
  };
}

export function toApiDelivery({ delivery, eventType, attempts }: DeliveryRecord) {
  const last = attempts[0];
  return {
    id: delivery.id,
    webhook_id: delivery.webhookId,
    event_id: delivery.eventId,
    event_type: eventType,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    response_status: last?.responseStatus ?? null,
    duration_ms: last?.durationMs ?? null,
    error: last?.error ?? null,
    next_retry_at: delivery.status === "pending" ? delivery.nextAttemptAt : null,
    created_at: delivery.createdAt,
    attempts: attempts.map(toApiAttempt),
  };
}
