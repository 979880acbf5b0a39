import type { z } from "@hono/zod-openapi";

/** An OpenAPI response (or body) whose JSON content is described by a zod schema. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
