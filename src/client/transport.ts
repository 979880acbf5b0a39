import { AssetServiceError, errorFromResponse, retryAfterMs } from "./errors.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Attempts after the first; 0 turns retries off. Default 2. */
  retries?: number;
  /** The first wait; it doubles on every retry. Default 250 ms. */
  minDelayMs?: number;
  /** The longest single wait, a server's Retry-After included. Default 5000 ms. */
  maxDelayMs?: number;
}

export interface TransportOptions {
  /** Where the service runs, e.g. `https://assets.example.com`. */
  baseUrl: string;
  apiKey: string;
  /** Defaults to the global `fetch`; pass another to add timeouts, tracing or an in-process Worker. */
  fetch?: FetchLike;
  retry?: RetryOptions;
  /** Sent with every request, e.g. a tracing header. */
  headers?: Record<string, string>;
  /** Send back the newest D1 bookmark seen, so reads after writes see them on any replica. Default true. */
  readYourWrites?: boolean;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
  /** Whether sending again after a lost connection is safe (the first attempt may have been applied). */
  idempotent: boolean;
  signal?: AbortSignal;
}

const BOOKMARK_HEADER = "x-d1-bookmark";

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** HTTP with the API key, typed errors, bounded retries on 503 and lost connections, and bookmarks. */
export function createTransport(options: TransportOptions) {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const { retries = 2, minDelayMs = 250, maxDelayMs = 5000 } = options.retry ?? {};
  let bookmark: string | undefined;

  const backoff = (attempt: number, floorMs = 0) => {
    const exponential = minDelayMs * 2 ** attempt;
    // Jitter spreads out clients that failed together, so they do not retry together.
    const jittered = exponential / 2 + (Math.random() * exponential) / 2;
    return Math.min(maxDelayMs, Math.max(jittered, floorMs));
  };

  function buildUrl(path: string, query: RequestOptions["query"]) {
    const url = new URL(`${baseUrl}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  function buildInit(method: string, request: RequestOptions): RequestInit {
    const headers: Record<string, string> = { ...options.headers, "X-API-Key": options.apiKey };
    if (bookmark && options.readYourWrites !== false) headers[BOOKMARK_HEADER] = bookmark;
    let body: BodyInit | undefined = request.form;
    if (request.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(request.json);
    }
    return { method, headers, body, signal: request.signal };
  }

  function remember(response: Response) {
    const seen = response.headers.get(BOOKMARK_HEADER);
    // Bookmarks sort by database position, so the larger one covers more writes.
    if (seen && (!bookmark || seen > bookmark)) bookmark = seen;
  }

  async function request<T>(method: string, path: string, request: RequestOptions): Promise<T> {
    const url = buildUrl(path, request.query);
    for (let attempt = 0; ; attempt++) {
      const attempts = attempt + 1;
      let response: Response;
      try {
        response = await send(url, buildInit(method, request));
      } catch (cause) {
        // Cancelled by the caller: report that, not the lost request it caused.
        if (request.signal?.aborted) throw request.signal.reason;
        if (request.idempotent && attempt < retries) {
          await wait(backoff(attempt), request.signal);
          continue;
        }
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new AssetServiceError(0, "network_error", `No response from ${url}: ${reason}`, { attempts, cause });
      }
      remember(response);
      if (response.status === 503 && attempt < retries) {
        await response.body?.cancel();
        await wait(backoff(attempt, retryAfterMs(response)), request.signal);
        continue;
      }
      if (!response.ok) throw await errorFromResponse(response, attempts);
      const body: unknown = response.status === 204 ? undefined : await response.json();
      // The server built this answer from the schemas T comes from; checking it again here would put
      // zod and those schemas into every client bundle.
      return body as T;
    }
  }

  return { request };
}

export type Transport = ReturnType<typeof createTransport>;
