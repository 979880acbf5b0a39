import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const statusByCode = {
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  bad_gateway: 502,
  gateway_timeout: 504,
  storage_unavailable: 503,
  database_unavailable: 503,
  service_misconfigured: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusByCode;

const codeByStatus: Partial<Record<number, ErrorCode>> = { 413: "payload_too_large", 415: "unsupported_media_type" };
type Details = Record<string, unknown>;

export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details?: Details;
  /** Response headers the answer carries, e.g. Retry-After on a 429. */
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: Details, headers?: Record<string, string>) {
    super(statusByCode[code], { message });
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

export function errorBody(code: ErrorCode, message: string, details?: Details) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export type ErrorBody = ReturnType<typeof errorBody>;

/** The status and body every caller (HTTP or RPC) gets for a thrown error. */
export function describeError(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof ApiError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  }
  if (error instanceof HTTPException) {
    // Hono's own exceptions (e.g. malformed JSON bodies) are client errors with a status.
    const code = codeByStatus[error.status] ?? "invalid_request";
    return { status: error.status, body: errorBody(code, error.message || "The request could not be read.") };
  }
  if (isDatabaseError(error)) {
    // The database's trouble, not the caller's: 503 so clients retry, without SQL in the answer.
    console.error("database error", error);
    return { status: 503, body: errorBody("database_unavailable", "The database is unavailable; try again.") };
  }
  console.error("unhandled error", error);
  return { status: 500, body: errorBody("internal_error", "An unexpected error occurred.") };
}

export function onError(error: Error, c: Context) {
  const { status, body } = describeError(error);
  return c.json(body, status, error instanceof ApiError ? error.headers : undefined);
}

/** D1 reports its failures as errors whose message (or a cause's) starts with `D1_`. */
function isDatabaseError(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current.message.startsWith("D1_")) return true;
  }
  return false;
}

/** The one answer for an asset that is missing, deleted, or another workspace's. */
export const assetNotFound = () => new ApiError("not_found", "Asset not found.");

export function notFound(c: Context) {
  return c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404);
}

/** Turns zod issues into `{ field: message }`, so clients can point at each bad input. */
export function fieldDetails(issues: readonly z.core.$ZodIssue[], fallback = "body"): Details {
  const details: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : fallback;
    details[field] ??= issue.message;
  }
  return details;
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "not_found" }),
      message: z.string().openapi({ example: "Asset not found." }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("Error", { example: errorBody("not_found", "Asset not found.") });

const errorContent = (description: string, example?: ErrorBody) => ({
  description,
  content: { "application/json": { schema: ErrorSchema, ...(example ? { example } : {}) } },
});

export const errorResponses = {
  400: errorContent(
    "Invalid input; `details` names each bad field.",
    errorBody("invalid_request", "The request is invalid.", { expires_in: "Too big: expected number to be <=604800" }),
  ),
  401: errorContent(
    "Missing or invalid API key.",
    errorBody("unauthorized", "The API key is invalid or has been revoked."),
  ),
  503: errorContent(
    "Storage or configuration unavailable.",
    errorBody("storage_unavailable", "Storage is unreachable.", { reason: "connection refused" }),
  ),
} as const;

export const notFoundResponse = {
  404: errorContent("No such asset in this workspace.", errorBody("not_found", "Asset not found.")),
} as const;
export const errorResponse = errorContent;
