import { ApiError } from "../errors";

// The binding's period for both limiters (wrangler.toml); it reports only over/under, so a refused
// client is told to wait one whole period.
const PERIOD_SECONDS = 60;
const MAX_BLOCKED = 10_000;

/** What this isolate has seen over a limit, refused here until the period ends. */
class Refusals {
  private readonly until = new Map<string, number>();

  refused(id: string, now: number): boolean {
    const until = this.until.get(id);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(id);
    return false;
  }

  refuse(id: string, now: number) {
    if (this.until.size >= MAX_BLOCKED) this.until.clear();
    this.until.set(id, now + PERIOD_SECONDS * 1000);
  }
}

// Clients over the failure limit, so that even a correct guess is refused: otherwise every
// refusal would still tell a guesser whether the credential was right.
const blockedClients = new Refusals();
// Keys over their limit: refused without asking the binding again, so a key hammering past its
// limit costs almost nothing.
const keysOverLimit = new Refusals();

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
  if (client !== undefined && blockedClients.refused(client, now)) throw rateLimited("failed authentication attempts");
}

/** Counts a failed authentication; past the limit the client is refused for a period, whatever it sends. */
export async function countFailedAuthentication(env: Env, client: string | undefined, now = Date.now()) {
  if (client === undefined) return;
  const { success } = await env.AUTH_FAILURE_RATE_LIMIT.limit({ key: client });
  if (success) return;
  blockedClients.refuse(client, now);
  throw rateLimited("failed authentication attempts");
}

/**
 * Counts a request made with an accepted API key, keyed by the key's hash (the key itself never
 * leaves). Without an `API_KEY_RATE_LIMIT` binding in wrangler.toml requests are not counted per key.
 */
export async function countKeyRequest(env: Env, keyHash: string, now = Date.now()) {
  if (keysOverLimit.refused(keyHash, now)) throw rateLimited("requests with this API key");
  const limiter: RateLimit | undefined = env.API_KEY_RATE_LIMIT;
  if (!limiter) return;
  const { success } = await limiter.limit({ key: keyHash });
  if (success) return;
  keysOverLimit.refuse(keyHash, now);
  throw rateLimited("requests with this API key");
}
