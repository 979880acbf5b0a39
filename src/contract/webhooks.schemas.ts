import { z } from "@hono/zod-openapi";
import { deliveryStatuses, webhookEventTypes } from "../db/schema";
import { isKsuid } from "../ids";
import { AssetSchema } from "./assets.schemas";
import { Label, PathId } from "./fields";
import { attemptExample, deliveryExample, eventExample, webhookExample } from "./webhooks.examples";

const Ksuid = z.string().refine(isKsuid, "must be a 27-character KSUID");

// Ids in paths are only looked up: one that is not a KSUID is the same 404 as an unknown id.
export const WebhookIdParam = z.object({ id: PathId.openapi({ example: webhookExample.id }) });

export const DeliveryParams = WebhookIdParam.extend({
  delivery_id: PathId.openapi({ param: { name: "delivery_id", in: "path" }, example: deliveryExample.id }),
});

export const WebhookEventType = z.enum(webhookEventTypes).openapi({ example: "asset.created" });

export const CreateWebhookBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .openapi({ description: "Where events are POSTed; https only unless ALLOW_HTTP_WEBHOOKS is set." }),
    events: z
      .array(WebhookEventType)
      .min(1)
      .refine((events) => new Set(events).size === events.length, "must not repeat an event type")
      .default([...webhookEventTypes])
      .openapi({ description: "The event types to send; all of them when omitted." }),
    description: Label.optional(),
  })
  .openapi("CreateWebhook", { example: { url: webhookExample.url, events: ["asset.created"], description: "media" } });

export const WebhookSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventType),
    created_at: z.string(),
    previous_secret_expires_at: z.string().nullable().openapi({
      description: "After a rotation, deliveries are signed with the old secret too until then.",
    }),
  })
  .openapi("Webhook", { example: webhookExample });

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: "The signing secret (`whsec_…`). Shown only in this answer." }),
}).openapi("CreatedWebhook", { example: { ...webhookExample, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" } });

export const AttemptSchema = z
  .object({
    attempted_at: z.string(),
    response_status: z.number().int().nullable().openapi({ description: "Null when no answer came." }),
    duration_ms: z.number().int(),
    error: z.string().nullable(),
  })
  .openapi("WebhookAttempt", { example: attemptExample });

export const DeliverySchema = z
  .object({
    id: z.string(),
    webhook_id: z.string(),
    event_id: z.string().openapi({ description: "The `webhook-id` header: the same on every attempt." }),
    event_type: WebhookEventType,
    status: z.enum(deliveryStatuses),
    attempt_count: z.number().int(),
    response_status: z.number().int().nullable().openapi({ description: "The last attempt's answer." }),
    duration_ms: z.number().int().nullable(),
    error: z.string().nullable(),
    next_retry_at: z.string().nullable(),
    created_at: z.string(),
    attempts: z.array(AttemptSchema).openapi({ description: "Every attempt, newest first." }),
  })
  .openapi("WebhookDelivery", { example: deliveryExample });

export const DeliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  cursor: Ksuid.optional().openapi({
    description: "`meta.next_cursor` of the previous page.",
    example: deliveryExample.id,
  }),
});

export const DeliveryPage = z.object({
  data: z.array(DeliverySchema),
  meta: z.object({ limit: z.number().int(), next_cursor: z.string().nullable() }),
});

/** The body POSTed to a receiver (documented; never parsed by the service). */
export const WebhookEventSchema = z
  .object({
    type: WebhookEventType,
    timestamp: z.string().openapi({ description: "When the change happened (ISO 8601 UTC)." }),
    data: AssetSchema,
  })
  .openapi("WebhookEvent", { example: eventExample });
