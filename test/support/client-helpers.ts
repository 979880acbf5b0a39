import { env, exports } from "cloudflare:workers";
import { AssetServiceError, type ClientOptions, createClient, type FetchLike } from "../../src/client/index";

export const BASE_URL = "http://assets.test";
export const toWorker: FetchLike = (input, init) => exports.default.fetch(new Request(input, init));

export interface Sent {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** Forwards to the running Worker, recording each request (after `failFirst` lost connections). */
export function recording(failFirst = 0, target: FetchLike = toWorker) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    sent.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.headers.get("Content-Type")?.startsWith("application/json") ? await request.clone().text() : "",
    });
    if (sent.length <= failFirst) throw new TypeError("Network connection lost.");
    return target(input, init);
  };
  return { sent, fetch };
}

/** A client of the running Worker with near-instant retries. */
export function clientFor(apiKey: string, options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl: BASE_URL, apiKey, fetch: toWorker, retry: { minDelayMs: 1 }, ...options });
}

export async function failure(promise: Promise<unknown>): Promise<AssetServiceError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AssetServiceError)) throw new Error(`expected an AssetServiceError, got ${outcome}`);
  return outcome;
}

/** The test Worker's bindings with storage unreachable, so uploads get a real 503. */
export const unreachableStorage = { ...env, STORAGE_ENDPOINT: "http://127.0.0.1:9" };
