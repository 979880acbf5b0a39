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

export function retryAfterMs(response: Response): number {
  const value = response.headers.get("Retry-After");
  if (!value) return 0;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(value) - Date.now()) || 0;
}

const property = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;

/** The API's `{error: {code, message, details}}` when the body is one; anything else is unexpected. */
export async function errorFromResponse(response: Response, attempts: number): Promise<AssetServiceError> {
  const text = await response.text().catch(() => "");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = property(parsed, "error");
  const [code, message, details] = ["code", "message", "details"].map((key) => property(error, key));
  if (typeof code === "string" && typeof message === "string") {
    const detailsObject = typeof details === "object" && details !== null ? { ...details } : undefined;
    return new AssetServiceError(response.status, code, message, { details: detailsObject, attempts });
  }
  const summary = `Unexpected ${response.status} response${text ? `: ${text.slice(0, 200)}` : "."}`;
  return new AssetServiceError(response.status, "unexpected_response", summary, { attempts });
}
