import { z } from "@hono/zod-openapi";

/** Workspace ids appear in storage keys, so they are kept to a safe alphabet. */
export const WorkspaceId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "must be 1-64 letters, digits, '_', '.' or '-'")
  .openapi({ example: "ws_demo" });

export const ApiKeySchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    name: z.string(),
    key_prefix: z.string().openapi({ example: "ak_3fQ9xLm2" }),
    created_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The secret. Shown only in this answer." }),
}).openapi("CreatedApiKey");
