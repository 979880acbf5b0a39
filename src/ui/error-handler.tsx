import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, type ErrorCode, onError } from "../errors";
import { ErrorPage } from "./pages/error.page";
import { wantsJson } from "./request";

type PageText = { title: string; message?: string };

// What people read instead of an error code. Without a message here, the error's own is shown.
const textByCode: Partial<Record<ErrorCode, PageText>> = {
  not_found: { title: "Not found" },
  invalid_request: { title: "That request is not valid" },
  storage_unavailable: {
    title: "Storage is unavailable",
    message: "The file store did not answer, so nothing was changed. Your assets are safe; try again in a moment.",
  },
  service_misconfigured: { title: "The service is misconfigured" },
  rate_limited: { title: "Too many attempts" },
};

function page(
  c: Context,
  status: ContentfulStatusCode,
  text: PageText,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  return c.html(<ErrorPage title={text.title} message={text.message ?? ""} details={details} />, status, headers);
}

/**
 * Browser pages get a readable page for every failure, never JSON or a stack trace;
 * the copy button's script gets the API's JSON error instead.
 */
export function renderUiError(error: Error, c: Context) {
  if (wantsJson(c)) return onError(error, c);
  if (error instanceof ApiError) {
    const text = textByCode[error.code] ?? { title: "Something went wrong" };
    // Storage details name hosts and status codes: for operators (see /health), not for pages.
    const details = error.code === "invalid_request" ? error.details : undefined;
    const message = text.message ?? error.message;
    return page(c, error.status, { title: text.title, message }, details, error.headers);
  }
  if (error instanceof HTTPException && error.status === 403) {
    return page(c, 403, {
      title: "Request refused",
      message: "This form was sent from another site, so it was refused. Open the page here and try again.",
    });
  }
  if (error instanceof HTTPException) {
    return page(c, error.status, { title: "That request could not be handled", message: error.message });
  }
  console.error("unhandled error", error);
  return page(c, 500, { title: "Something went wrong", message: "An unexpected error occurred. Try again later." });
}
