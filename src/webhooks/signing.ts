import { Webhook } from "standardwebhooks";
import type { WebhookRow } from "../db/schema";

const SECRET_BYTES = 32;

/** A Standard Webhooks secret: `whsec_` and base64 of random bytes. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The `webhook-signature` header: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, computed by the
 * standardwebhooks library. Within a day of a rotation the old secret signs too, space-separated, so
 * receivers can switch secrets without dropping a delivery.
 */
export function signatureHeader(hook: WebhookRow, eventId: string, sentAt: Date, body: string): string {
  const secrets = [hook.secret];
  if (
    hook.previousSecret &&
    hook.previousSecretExpiresAt &&
    Date.parse(hook.previousSecretExpiresAt) > sentAt.getTime()
  ) {
    secrets.push(hook.previousSecret);
  }
  return secrets.map((secret) => new Webhook(secret).sign(eventId, sentAt, body)).join(" ");
}
