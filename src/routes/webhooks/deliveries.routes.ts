import { createRoute, z } from "@hono/zod-openapi";
import { deliveryExample } from "../../contract/webhooks.examples";
import {
  DeliveriesQuery,
  DeliveryPage,
  DeliveryParams,
  DeliverySchema,
  WebhookIdParam,
} from "../../contract/webhooks.schemas";
import { errorBody, errorResponse, errorResponses } from "../../errors";
import { json, apiKeySecurity as security } from "../route-helpers";

const tags = ["Webhooks"];

export const listDeliveries = createRoute({
  method: "get",
  path: "/{id}/deliveries",
  tags,
  security,
  summary: "List the deliveries of a webhook, with every attempt",
  description:
    "Newest first. `status` is `pending` (a retry is due at `next_retry_at`), `sending`, `succeeded` or `failed`.",
  request: { params: WebhookIdParam, query: DeliveriesQuery },
  responses: {
    200: json(DeliveryPage, "One page of deliveries.", {
      data: [deliveryExample],
      meta: { limit: 20, next_cursor: null },
    }),
    ...errorResponses,
    404: errorResponse("No such webhook in this workspace.", errorBody("not_found", "Webhook not found.")),
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
    409: errorResponse(
      "The delivery is being sent right now.",
      errorBody("conflict", "The delivery is being sent right now; try again in a moment.", {
        delivery_id: "is being sent",
      }),
    ),
    ...errorResponses,
    404: errorResponse("No such webhook or delivery in this workspace.", errorBody("not_found", "Delivery not found.")),
  },
});
