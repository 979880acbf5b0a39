import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../types";
import { listWebhookDeliveries, retryDelivery as retry } from "../../webhooks/deliveries";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWorkspaceWebhooks,
  rotateWebhookSecret,
} from "../../webhooks/manage-webhooks";
import { toApiWebhook } from "../../webhooks/serialize";
import type * as deliveryRoutes from "./deliveries.routes";
import type * as routes from "./webhooks.routes";

type Handler<R extends keyof typeof routes> = RouteHandler<(typeof routes)[R], AppEnv>;
type DeliveryHandler<R extends keyof typeof deliveryRoutes> = RouteHandler<(typeof deliveryRoutes)[R], AppEnv>;

export const create: Handler<"create"> = async (c) => {
  const { row, secret } = await createWebhook(c.var, c.var.workspaceId, c.req.valid("json"));
  return c.json({ data: { ...toApiWebhook(row), secret } }, 201);
};

export const list: Handler<"list"> = async (c) => {
  const rows = await listWorkspaceWebhooks(c.var, c.var.workspaceId);
  return c.json({ data: rows.map(toApiWebhook) }, 200);
};

export const get: Handler<"get"> = async (c) => {
  const row = await getWebhook(c.var, c.var.workspaceId, c.req.valid("param").id);
  return c.json({ data: toApiWebhook(row) }, 200);
};

export const remove: Handler<"remove"> = async (c) => {
  await deleteWebhook(c.var, c.var.workspaceId, c.req.valid("param").id);
  return c.body(null, 204);
};

export const rotateSecret: Handler<"rotateSecret"> = async (c) => {
  const { row, secret } = await rotateWebhookSecret(c.var, c.var.workspaceId, c.req.valid("param").id);
  return c.json({ data: { ...toApiWebhook(row), secret } }, 200);
};

export const listDeliveries: DeliveryHandler<"listDeliveries"> = async (c) => {
  const { limit, cursor } = c.req.valid("query");
  const page = await listWebhookDeliveries(c.var, c.var.workspaceId, {
    webhookId: c.req.valid("param").id,
    limit,
    cursor,
  });
  return c.json(page, 200);
};

export const retryDelivery: DeliveryHandler<"retryDelivery"> = async (c) => {
  const { id, delivery_id } = c.req.valid("param");
  const data = await retry(c.var, c.var.workspaceId, { webhookId: id, deliveryId: delivery_id });
  return c.json({ data }, 202);
};
