import { type Hook, OpenAPIHono } from "@hono/zod-openapi";
import { ApiError, fieldDetails } from "../errors";
import type { AppEnv } from "../types";

/** Every invalid input becomes a 400 whose details name each bad field. */
const validationHook: Hook<unknown, any, any, unknown> = (result) => {
  if (!result.success) {
    throw new ApiError("invalid_request", "The request is invalid.", fieldDetails(result.error.issues, result.target));
  }
};

/** The one way REST routers (and the app itself) are made, so every route validates alike. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
