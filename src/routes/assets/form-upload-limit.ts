import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";

// Multipart framing and the other form fields ride along with the file.
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/** Refuses oversized form uploads while streaming, before the form is buffered. */
export const formUploadBodyLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limit = c.var.config.MAX_UPLOAD_BYTES;
  const check = bodyLimit({
    maxSize: limit + FORM_OVERHEAD_BYTES,
    onError: () => {
      throw new ApiError("payload_too_large", `Files are limited to ${limit} bytes.`, {
        file: `the request body exceeds the ${limit}-byte limit`,
      });
    },
  });
  return check(c, next);
});
