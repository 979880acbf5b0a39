import { createRoute, z } from "@hono/zod-openapi";
import { webhookExample } from "../../contract/webhooks.examples";
import {
  CreatedWebhookSchema,
  CreateWebhookBody,
  WebhookIdParam,
  WebhookSchema,
} from "../../contract/webhooks.schemas";
import { errorBody, errorResponse, errorResponses } from "../../errors";
import { json, apiKeySecurity as security } from "../route-helpers";

const tags = ["Webhooks"];
const createdExample = { data: { ...webhookExample, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwvZ3cV2nB1xQ=" } };
const notFound = {
  404: errorResponse("No such webhook in this workspace.", errorBody("not_found", "Webhook not found.")),
};

export const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Register a webhook",
  description:
    "Events are POSTed to `url`, signed per Standard Webhooks with the secret in this answer, which is " +
    "never shown again. Deliveries are retried with backoff; ordering is not guaranteed.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: CreateWebhookBody,
          example: { url: webhookExample.url, events: ["asset.created"] },
        },
      },
    },
  },
  responses: {
    201: json(z.object({ data: CreatedWebhookSchema }), "The webhook, with its signing secret.", createdExample),
    409: errorResponse(
      "The workspace has the most webhooks it may have.",
      errorBody("conflict", "A workspace can have at most 20 webhooks.", { url: "delete a webhook first" }),
    ),
    ...errorResponses,
  },
});

export const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List the webhooks of the workspace",
  responses: {
    200: json(z.object({ data: z.array(WebhookSchema) }), "Webhooks, newest first.", { data: [webhookExample] }),
    ...errorResponses,
  },
});

export const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  summary: "Get a webhook",
  request: { params: WebhookIdParam },
  responses: {
    200: json(z.object({ data: WebhookSchema }), "The webhook (never its secret).", { data: webhookExample }),
    ...errorResponses,
    ...notFound,
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  summary: "Delete a webhook and its delivery history",
  request: { params: WebhookIdParam },
  responses: { 204: { description: "Deleted." }, ...errorResponses, ...notFound },
});

export const rotateSecret = createRoute({
  method: "post",
  path: "/{id}/rotate-secret",
  tags,
  security,
  summary: "Replace the signing secret of a webhook",
  description: "The new secret is shown once. For 24 hours deliveries carry a signature with each secret.",
  request: { params: WebhookIdParam },
  responses: {
    200: json(z.object({ data: CreatedWebhookSchema }), "The webhook, with its new secret.", {
      data: { ...createdExample.data, previous_secret_expires_at: "2026-11-30T04:30:00.000Z" },
    }),
    ...errorResponses,
    ...notFound,
  },
});
