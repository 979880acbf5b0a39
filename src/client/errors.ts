/** Every failure the client reports: an API error answer, an unexpected response, or no response at all. */
export class AssetServiceError extends Error {
  /** The HTTP status, or 0 when no response arrived (network error). */
  readonly status: number;
  /** The API's snake_case error code, `network_error`, or `unexpected_response`. */
  readonly code: string;
  readonly details?: Record<string, unknown>;
  /** How many requests were sent, retries included. */
  readonly attempts: number;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { details?: Record<string, unknown>; attempts: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "AssetServiceError";
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.attempts = options.attempts;
  }
}
