import type { RouteHandler } from "@hono/zod-openapi";
import { createApiKey, listApiKeys, revokeApiKey } from "../../auth/api-keys";
import type { ApiKeyRow } from "../../db/schema";
import { ApiError } from "../../errors";
import { newId } from "../../ids";
import type { AppEnv } from "../../types";
import type * as routes from "./api-keys.routes";

type Handler<R extends keyof typeof routes> = RouteHandler<(typeof routes)[R], AppEnv>;

function toApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    workspace_id: row.workspaceId,
    name: row.name,
    key_prefix: row.keyPrefix,
    created_at: row.createdAt,
    revoked_at: row.revokedAt,
  };
}

export const create: Handler<"create"> = async (c) => {
  const body = c.req.valid("json");
  const workspaceId = body.workspace_id ?? `ws_${newId()}`;
  const { row, key } = await createApiKey(c.var.db, workspaceId, body.name);
  return c.json({ data: { ...toApiKey(row), key } }, 201);
};

export const list: Handler<"list"> = async (c) => {
  const rows = await listApiKeys(c.var.db, c.req.valid("query").workspace_id);
  return c.json({ data: rows.map(toApiKey) }, 200);
};

export const revoke: Handler<"revoke"> = async (c) => {
  const revoked = await revokeApiKey(c.var.db, c.req.valid("param").id);
  if (!revoked) throw new ApiError("not_found", "API key not found.");
  return c.body(null, 204);
};
