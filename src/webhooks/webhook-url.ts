import { outboundUrlProblem, spelledHost } from "../assets/source-host";
import type { Config } from "../config";
import { ApiError } from "../errors";

// What a receiver on the developer's own machine is called; admitted only with ALLOW_HTTP_WEBHOOKS.
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/**
 * A receiver must pass the host rule imports follow (src/assets/source-host.ts): https, no
 * credentials, no IP literal in any notation, no inward name. ALLOW_HTTP_WEBHOOKS is for a
 * receiver on the developer's machine, so it admits http and the loopback host, nothing else inward.
 * (IMPORT_ALLOWED_HOSTS is the imports' own escape and does not apply here.)
 */
export function assertWebhookUrl(config: Config, value: string): URL {
  const url = new URL(value);
  const local = config.ALLOW_HTTP_WEBHOOKS;
  const rules = { allowHttp: local, allowedHosts: local ? LOOPBACK_HOSTS : [] };
  const problem = outboundUrlProblem(rules, url, spelledHost(value));
  if (problem) throw new ApiError("invalid_request", "The webhook URL is not allowed.", { url: problem });
  return url;
}
