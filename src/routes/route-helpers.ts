import type { z } from "@hono/zod-openapi";

export const apiKeySecurity: Record<string, string[]>[] = [{ ApiKey: [] }, { Bearer: [] }];

/** A JSON response with the example shown in the OpenAPI document and at /docs. */
export const json = <T extends z.ZodType>(schema: T, description: string, example: unknown) => ({
  description,
  content: { "application/json": { schema, example } },
});
