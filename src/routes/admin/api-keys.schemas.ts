import { z } from "@hono/zod-openapi";

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
