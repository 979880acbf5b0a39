import type { Hook } from "@hono/zod-openapi";
import { ApiError, fieldDetails } from "./errors";

/** Every invalid input becomes a 400 whose details name each bad field. */
export const validationHook: Hook<unknown, any, any, unknown> = (result) => {
  if (!result.success) {
    throw new ApiError("invalid_request", "The request is invalid.", fieldDetails(result.error.issues, result.target));
  }
};
