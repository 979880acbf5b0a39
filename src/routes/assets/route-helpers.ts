import type { z } from "@hono/zod-openapi";

export const tags = ["Assets"];
export const security: Record<string, string[]>[] = [{ ApiKey: [] }, { Bearer: [] }];

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
