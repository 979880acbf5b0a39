import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, errorResponses } from "../../errors";
import { isKsuid } from "../../ids";
import { jsonContent } from "../../openapi";
import { ApiKeySchema, CreatedApiKeySchema } from "./api-keys.schemas";

const tags = ["Admin"];
const security = [{ AdminToken: [] }];

const WorkspaceId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "must be 1-64 letters, digits, '_', '.' or '-'")
  .openapi({ example: "ws_demo" });

export const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Create an API key for a workspace",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            workspace_id: WorkspaceId.optional().openapi({ description: "Generated when omitted." }),
            name: z.string().trim().min(1).max(200).default("default"),
          }),
        },
      },
    },
  },
  responses: {
    201: jsonContent(z.object({ data: CreatedApiKeySchema }), "The new key, with its secret."),
    ...errorResponses,
  },
});

export const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List API keys (never their secrets)",
  request: { query: z.object({ workspace_id: WorkspaceId.optional() }) },
  responses: { 200: jsonContent(z.object({ data: z.array(ApiKeySchema) }), "Keys, newest first."), ...errorResponses },
});

export const revoke = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  summary: "Revoke an API key at once",
  request: {
    params: z.object({
      id: z
        .string()
        .refine(isKsuid, "must be a 27-character KSUID")
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: { 204: { description: "Revoked." }, ...errorResponses, 404: errorResponse("No such key.") },
});
