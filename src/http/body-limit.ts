import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";

/**
 * JSON bodies other than file uploads never need more: the largest are metadata (MAX_METADATA_BYTES,
 * at most 1 MiB) with its fields, and a multipart `complete` listing 10,000 part ETags (about 600 KB).
 */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;

const limitJsonBody = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new ApiError("payload_too_large", `Request bodies are limited to ${MAX_JSON_BODY_BYTES} bytes.`, {
      body: `exceeds ${MAX_JSON_BODY_BYTES} bytes`,
    });
  },
});

/** Caps every request body except the file upload, which has its own MAX_UPLOAD_BYTES limit. */
export const apiBodyLimit = createMiddleware(async (c, next) => {
  if (c.req.method === "POST" && c.req.path === "/api/v1/assets") return next();
  return limitJsonBody(c, next);
});
