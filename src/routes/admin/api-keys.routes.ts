import { createRoute, z } from "@hono/zod-openapi";
import { ApiKeySchema, CreatedApiKeySchema, WorkspaceId } from "../../contract/api-keys.schemas";
import { Label, PathId } from "../../contract/fields";
import { errorResponse, errorResponses } from "../../errors";
import { json } from "../route-helpers";

const tags = ["Admin"];
const security = [{ AdminToken: [] }];

const keyExample = {
  id: "2VbZ1kQ8mN3pR5sT7uW9xY0aBcD",
  workspace_id: "ws_demo",
  name: "ci",
  key_prefix: "ak_3fQ9xLm2",
  created_at: "2026-11-29T04:30:00.000Z",
  revoked_at: null,
};

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
            name: Label.default("default"),
          }),
          example: { workspace_id: "ws_demo", name: "ci" },
        },
      },
    },
  },
  responses: {
    201: json(z.object({ data: CreatedApiKeySchema }), "The new key, with its secret.", {
      data: { ...keyExample, key: "ak_3fQ9xLm2Vh0sE4kB7nW1qZ8rT5yU2cJ6dF9gH3aL0pX" },
    }),
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
  responses: {
    200: json(z.object({ data: z.array(ApiKeySchema) }), "Keys, newest first.", { data: [keyExample] }),
    ...errorResponses,
  },
});

export const revoke = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  summary: "Revoke an API key at once",
  request: {
    params: z.object({
      id: PathId.openapi({ example: keyExample.id }),
    }),
  },
  responses: { 204: { description: "Revoked." }, ...errorResponses, 404: errorResponse("No such key.") },
});
