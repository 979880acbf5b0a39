import { encodeRfc3986, hex } from "../encoding";

const encoder = new TextEncoder();
const ALGORITHM = "AWS4-HMAC-SHA256";
const HMAC_SHA256 = { name: "HMAC", hash: "SHA-256" };

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface SigningTarget {
  origin: string;
  host: string;
  path: string;
}

/** What a presigned request pins besides its URL: the method, and headers the client must send as given. */
export interface SignedRequest {
  method: "GET" | "PUT";
  headers?: Record<string, string>;
}

/** S3 signs the path as given, decoded once and re-encoded (aws4fetch's rule, so URLs match). */
function canonicalPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname.replace(/\+/g, " "));
  } catch {}
  return encodeRfc3986(decoded).replace(/%2F/g, "/");
}

/** SigV4 canonical query: every name and value RFC 3986-encoded (a space is %20, never +), sorted by name. */
function canonicalQuery(params: [string, string][]): string {
  return params
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)])
    .sort(([a = ""], [b = ""]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** Lower-cased names, sorted; values trimmed with inner runs of spaces collapsed, as SigV4 canonicalises them. */
function canonicalHeaders(host: string, headers: Record<string, string>): [string, string][] {
  const entries = Object.entries(headers).map(([name, value]): [string, string] => [
    name.toLowerCase(),
    value.trim().replace(/ +/g, " "),
  ]);
  const all: [string, string][] = [["host", host], ...entries];
  return all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function hmac(key: BufferSource, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey("raw", key, HMAC_SHA256, false, ["sign"]);
  return crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(data));
}

/**
 * SigV4 query-string presigning with UNSIGNED-PAYLOAD, for download URLs and direct-upload URLs.
 * The URL's query is emitted exactly as SigV4 canonicalises it (sorted, RFC 3986, `%20` for a
 * space) followed by the signature, so a store that checks the query as sent agrees with one that
 * re-canonicalises it. aws4fetch computes the same signature but writes the URL back through
 * URLSearchParams, whose `+` for a space some S3-compatible stores refuse (aws4fetch issue #83).
 * It also re-serialises the query per parameter and re-imports the signing key per signature;
 * here the query is serialised once and the day's signing key imported once.
 */
export class QuerySigner {
  private signingKey: { date: string; key: Promise<CryptoKey> } | undefined;

  constructor(private readonly credentials: SigningCredentials) {}

  /**
   * Signs `params` (e.g. X-Amz-Expires) into a URL for `target`. Its path must be in the form a
   * URL parser keeps as is: percent-encoded segments, none of them `.` or `..` (storage keys are
   * ours and never have such segments).
   */
  async presign(
    target: SigningTarget,
    params: Record<string, string>,
    datetime: string,
    request: SignedRequest = { method: "GET" },
  ): Promise<string> {
    const date = datetime.slice(0, 8);
    const scope = `${date}/${this.credentials.region}/s3/aws4_request`;
    const headers = canonicalHeaders(target.host, request.headers ?? {});
    const signedHeaders = headers.map(([name]) => name).join(";");
    const query = canonicalQuery([
      ...Object.entries(params),
      ["X-Amz-Date", datetime],
      ["X-Amz-Algorithm", ALGORITHM],
      ["X-Amz-Credential", `${this.credentials.accessKeyId}/${scope}`],
      ["X-Amz-SignedHeaders", signedHeaders],
    ]);
    const headerLines = headers.map(([name, value]) => `${name}:${value}\n`).join("");
    const canonicalRequest = `${request.method}\n${canonicalPath(target.path)}\n${query}\n${headerLines}\n${signedHeaders}\nUNSIGNED-PAYLOAD`;
    const digest = await crypto.subtle.digest("SHA-256", encoder.encode(canonicalRequest));
    const stringToSign = `${ALGORITHM}\n${datetime}\n${scope}\n${hex(digest)}`;
    const signature = await crypto.subtle.sign("HMAC", await this.keyFor(date), encoder.encode(stringToSign));
    return `${target.origin}${target.path}?${query}&X-Amz-Signature=${hex(signature)}`;
  }

  /** The SigV4 signing key for a UTC day (yyyymmdd): an HMAC chain over date, region, service. */
  private keyFor(date: string): Promise<CryptoKey> {
    if (this.signingKey?.date !== date) {
      const { secretAccessKey, region } = this.credentials;
      const key = (async () => {
        let derived = await hmac(encoder.encode(`AWS4${secretAccessKey}`), date);
        for (const part of [region, "s3", "aws4_request"]) derived = await hmac(derived, part);
        return crypto.subtle.importKey("raw", derived, HMAC_SHA256, false, ["sign"]);
      })();
      // A failed derivation must not stick for the rest of the day.
      key.catch(() => {
        if (this.signingKey?.key === key) this.signingKey = undefined;
      });
      this.signingKey = { date, key };
    }
    return this.signingKey.key;
  }
}
