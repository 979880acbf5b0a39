import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";

// Room for the largest `complete` (10,000 part ETags) and the other fields besides metadata.
const JSON_OVERHEAD_BYTES = 1024 * 1024;

/** Refuses oversized JSON bodies while streaming, before they are parsed. */
export const jsonBodyLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limit = c.var.config.MAX_METADATA_BYTES + JSON_OVERHEAD_BYTES;
  const check = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new ApiError("payload_too_large", `JSON bodies are limited to ${limit} bytes.`, {
        body: `exceeds ${limit} bytes`,
      });
    },
  });
  return check(c, next);
});
