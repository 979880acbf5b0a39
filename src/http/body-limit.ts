import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";

/** JSON and form bodies other than file uploads never need more than this. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

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
