import { ApiError } from "../errors";

// The binding's period for both limiters (wrangler.toml); it reports only over/under, so a refused
// client is told to wait one whole period.
const PERIOD_SECONDS = 60;
// Clients this isolate has refused, so that once over the limit even a correct guess is refused:
// otherwise every refusal would still tell a guesser whether the credential was right.
const blockedUntil = new Map<string, number>();
const MAX_BLOCKED = 10_000;

function rateLimited(what: string): ApiError {
  return new ApiError(
    "rate_limited",
    `Too many ${what}; try again in ${PERIOD_SECONDS} seconds.`,
    { retry_after: PERIOD_SECONDS },
    { "Retry-After": String(PERIOD_SECONDS) },
  );
}

/**
 * Who is asking: Cloudflare's edge (and `wrangler dev`) sets CF-Connecting-IP on every request from
 * outside, and clients cannot remove it. Without it the caller is another Worker (a service binding)
 * or a test calling the Worker directly: there is no client to count.
 */
export function clientAddress(header: (name: string) => string | undefined): string | undefined {
  return header("CF-Connecting-IP") || undefined;
}

/** Refuses a client that recently went over the failed-authentication limit, before its credential is checked. */
export function assertClientNotBlocked(client: string | undefined, now = Date.now()) {
  if (client === undefined) return;
  const until = blockedUntil.get(client);
  if (until === undefined) return;
  if (until > now) throw rateLimited("failed authentication attempts");
  blockedUntil.delete(client);
}

/** Counts a failed authentication; past the limit the client is refused for a period, whatever it sends. */
export async function countFailedAuthentication(env: Env, client: string | undefined, now = Date.now()) {
  if (client === undefined) return;
  const { success } = await env.AUTH_FAILURE_RATE_LIMIT.limit({ key: client });
  if (success) return;
  if (blockedUntil.size >= MAX_BLOCKED) blockedUntil.clear();
  blockedUntil.set(client, now + PERIOD_SECONDS * 1000);
  throw rateLimited("failed authentication attempts");
}

// Keys this isolate has seen over their limit: refused here until the period ends, without asking
// the binding again, so a key hammering past its limit costs almost nothing.
const keyOverLimitUntil = new Map<string, number>();

/**
 * Counts a request made with an accepted API key, keyed by the key's hash (the key itself never
 * leaves). Without an `API_KEY_RATE_LIMIT` binding in wrangler.toml requests are not counted per key.
 */
export async function countKeyRequest(env: Env, keyHash: string, now = Date.now()) {
  const until = keyOverLimitUntil.get(keyHash);
  if (until !== undefined) {
    if (until > now) throw rateLimited("requests with this API key");
    keyOverLimitUntil.delete(keyHash);
  }
  const limiter: RateLimit | undefined = env.API_KEY_RATE_LIMIT;
  if (!limiter) return;
  const { success } = await limiter.limit({ key: keyHash });
  if (success) return;
  if (keyOverLimitUntil.size >= MAX_BLOCKED) keyOverLimitUntil.clear();
  keyOverLimitUntil.set(keyHash, now + PERIOD_SECONDS * 1000);
  throw rateLimited("requests with this API key");
}
