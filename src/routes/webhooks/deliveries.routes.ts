import { createRoute, z } from "@hono/zod-openapi";
import { deliveryExample } from "../../contract/webhooks.examples";
import {
  DeliveriesQuery,
  DeliveryPage,
  DeliveryParams,
  DeliverySchema,
  WebhookIdParam,
} from "../../contract/webhooks.schemas";
import { errorResponse, errorResponses } from "../../errors";
import { json, apiKeySecurity as security } from "../route-helpers";

const tags = ["Webhooks"];

export const listDeliveries = createRoute({
  method: "get",
  path: "/{id}/deliveries",
  tags,
  security,
  summary: "List a webhook's deliveries and their attempts",
  description:
    "Newest first. `status` is `pending` (a retry is due at `next_retry_at`), `sending`, `succeeded` or `failed`.",
  request: { params: WebhookIdParam, query: DeliveriesQuery },
  responses: {
    200: json(DeliveryPage, "One page of deliveries.", {
      data: [deliveryExample],
      meta: { limit: 20, next_cursor: null },
    }),
    ...errorResponses,
    404: errorResponse("No such webhook in this workspace."),
  },
});

export const retryDelivery = createRoute({
  method: "post",
  path: "/{id}/deliveries/{delivery_id}/retry",
  tags,
  security,
  summary: "Deliver an event again",
  description: "Queues the delivery again with the same event id, whatever its status; retried with backoff as before.",
  request: { params: DeliveryParams },
  responses: {
    202: json(z.object({ data: DeliverySchema }), "Queued again.", {
      data: { ...deliveryExample, status: "pending", next_retry_at: "2026-11-29T05:00:00.000Z" },
    }),
    409: errorResponse("The delivery is being sent right now."),
    ...errorResponses,
    404: errorResponse("No such webhook or delivery in this workspace."),
  },
});
