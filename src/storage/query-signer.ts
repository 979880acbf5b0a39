import { encodeRfc3986, formEncode, hex } from "../encoding";

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

/** S3 signs the path as given, decoded once and re-encoded (aws4fetch's rule, so URLs match). */
function canonicalPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname.replace(/\+/g, " "));
  } catch {}
  return encodeRfc3986(decoded).replace(/%2F/g, "/");
}

async function hmac(key: BufferSource, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey("raw", key, HMAC_SHA256, false, ["sign"]);
  return crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(data));
}

/**
 * SigV4 query-string presigning for the one request shape signed URLs need: GET, `host` as
 * the only signed header, UNSIGNED-PAYLOAD. aws4fetch signs every storage request and produces
 * byte-identical URLs (test/presign-equivalence.test.ts checks both against each other and
 * against an independent reference), but it re-serialises the whole query for each parameter it
 * sets and re-imports the signing key per signature, which costs several times the cryptography
 * itself. Here the query is serialised once and the day's signing key imported once, so a URL
 * costs one SHA-256 digest, one HMAC and a little string work.
 */
export class QuerySigner {
  private signingKey: { date: string; key: Promise<CryptoKey> } | undefined;

  constructor(private readonly credentials: SigningCredentials) {}

  /**
   * Signs `params` (e.g. X-Amz-Expires) into a URL for `target`. Its path must be in the form a
   * URL parser keeps as is: percent-encoded segments, none of them `.` or `..` (storage keys are
   * ours and never have such segments).
   */
  async presign(target: SigningTarget, params: Record<string, string>, datetime: string): Promise<string> {
    const date = datetime.slice(0, 8);
    const scope = `${date}/${this.credentials.region}/s3/aws4_request`;
    const query: [string, string][] = [
      ...Object.entries(params),
      ["X-Amz-Date", datetime],
      ["X-Amz-Algorithm", ALGORITHM],
      ["X-Amz-Credential", `${this.credentials.accessKeyId}/${scope}`],
      ["X-Amz-SignedHeaders", "host"],
    ];
    const canonicalQuery = query
      .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)])
      .sort(([a = ""], [b = ""]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${name}=${value}`)
      .join("&");
    const canonicalRequest = `GET\n${canonicalPath(target.path)}\n${canonicalQuery}\nhost:${target.host}\n\nhost\nUNSIGNED-PAYLOAD`;
    const digest = await crypto.subtle.digest("SHA-256", encoder.encode(canonicalRequest));
    const stringToSign = `${ALGORITHM}\n${datetime}\n${scope}\n${hex(digest)}`;
    const signature = await crypto.subtle.sign("HMAC", await this.keyFor(date), encoder.encode(stringToSign));
    query.push(["X-Amz-Signature", hex(signature)]);
    return `${target.origin}${target.path}?${query.map(([name, value]) => `${formEncode(name)}=${formEncode(value)}`).join("&")}`;
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
