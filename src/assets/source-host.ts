import type { Config } from "../config";
import { ApiError } from "../errors";

// Names that only resolve inside a network: RFC 6761 `localhost`, mDNS `.local`, the de facto
// `.internal` (cloud metadata services live there) and RFC 8375 `home.arpa`.
const INWARD_SUFFIXES = ["localhost", "local", "internal", "home.arpa"];

/**
 * How the text spells its host, before the URL parser rewrote it (`2130706433`, `0x7f.1` and
 * `127.1` all become `127.0.0.1`); null for a relative reference, which keeps the previous host.
 * Cleaned the way the parser cleans: tabs and newlines dropped, ends trimmed, `\` read as `/`.
 */
export function spelledHost(text: string): string | null {
  const cleaned = text
    .replace(/[\t\n\r]/g, "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the URL parser trims C0 controls and spaces
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "")
    .replace(/\\/g, "/");
  // http and https skip any number of slashes after the scheme; `//host` keeps only the scheme.
  const match = /^(?:[a-z][a-z0-9+.-]*:\/*|\/\/)(?:[^/?#]*@)?([^/?#]*)/i.exec(cleaned);
  return match ? (match[1] ?? "").toLowerCase() : null;
}

/** An IP literal in any notation: the parser turns every IPv4 form into a dotted quad and keeps IPv6 in brackets. */
function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

function isInwardName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, "");
  // A single label (`intranet`, `metadata`) resolves through the local search domains.
  if (!name.includes(".") && name !== "") return true;
  return INWARD_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/** Development escapes (IMPORT_ALLOWED_HOSTS; loopback for local webhooks), matched only when spelled canonically. */
function isExplicitlyAllowed(allowedHosts: readonly string[], url: URL, spelled: string | null): boolean {
  const listed = allowedHosts.some((entry) => entry === url.host || entry === url.hostname);
  return listed && (spelled === null || spelled === url.host);
}

/** What a URL the service sends requests to may be: imports' sources and webhooks' receivers alike. */
export interface OutboundRules {
  /** Plain http too (local development and tests only). */
  allowHttp: boolean;
  /** Hosts reachable although they are IP literals or inward names. */
  allowedHosts: readonly string[];
}

/**
 * Refuses a URL the service may not send requests to, before anything is sent: a scheme other than
 * https (http with `allowHttp`), credentials in the URL, an IP literal, or a name that only resolves
 * inward. `spelled` is how the request or redirect wrote the host (see spelledHost). Returns the
 * problem, so each caller can answer it in its own words.
 */
export function outboundUrlProblem(rules: OutboundRules, url: URL, spelled: string | null): string | null {
  const schemeAllowed = url.protocol === "https:" || (url.protocol === "http:" && rules.allowHttp);
  if (!schemeAllowed) return rules.allowHttp ? "must be an http or https URL" : "must be an https URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (isExplicitlyAllowed(rules.allowedHosts, url, spelled)) return null;
  if (isIpLiteral(url.hostname)) return "must name its host with a DNS name, not an IP address";
  if (isInwardName(url.hostname)) return "must name a public host (not localhost, .local, .internal or a single label)";
  return null;
}

/** An import's source: https (http with ALLOW_HTTP_IMPORTS), public hosts or IMPORT_ALLOWED_HOSTS. */
export function sourceUrlProblem(config: Config, url: URL, spelled: string | null): string | null {
  const rules = { allowHttp: config.ALLOW_HTTP_IMPORTS, allowedHosts: config.IMPORT_ALLOWED_HOSTS };
  return outboundUrlProblem(rules, url, spelled);
}

/** The caller's own URL: 400 naming source_url. */
export function assertImportSource(config: Config, text: string): URL {
  const url = new URL(text);
  const problem = sourceUrlProblem(config, url, spelledHost(text));
  if (problem) throw new ApiError("invalid_request", "Imports may not fetch that URL.", { source_url: problem });
  return url;
}

/** A redirect's target: the source misbehaved, so 502, naming the rule but not echoing the target. */
export function assertRedirectTarget(config: Config, location: string, from: URL): URL {
  if (!URL.canParse(location, from.href)) {
    throw new ApiError("bad_gateway", "The source redirected to an invalid URL.", {
      source_url: "redirected to an invalid URL",
    });
  }
  const url = new URL(location, from);
  const spelled = spelledHost(location) ?? (url.host === from.host ? null : url.host);
  const problem = sourceUrlProblem(config, url, spelled);
  if (problem) {
    throw new ApiError("bad_gateway", "The source redirected to a URL imports may not fetch.", {
      source_url: `redirected to a URL that ${problem}`,
    });
  }
  return url;
}
