// An independent SigV4 query-signature check, written from the AWS specification,
// so URL tests verify our presigner instead of trusting it.
const encoder = new TextEncoder();

const rfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");

async function hmac(key: ArrayBuffer | Uint8Array, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(data));
}

/** The query as SigV4 canonicalises it: every name and value RFC 3986-encoded, sorted, no signature. */
export function canonicalQuery(url: URL): string {
  const params = [...url.searchParams.entries()].filter(([name]) => name !== "X-Amz-Signature");
  return (
    params
      .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
      // Names are unique here, so sorting whole pairs sorts by name (code-point order).
      .sort()
      .join("&")
  );
}

/** The signature a presigned URL must carry; `headers` are those the client sends (host is added). */
export async function expectedSignature(
  url: URL,
  secretKey: string,
  request: { method: string; headers: Record<string, string> } = { method: "GET", headers: {} },
): Promise<string> {
  const sent = new Map(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value.trim()]));
  sent.set("host", url.host);
  const signedHeaders = url.searchParams.get("X-Amz-SignedHeaders") ?? "";
  const headerLines = signedHeaders.split(";").map((name) => `${name}:${sent.get(name) ?? ""}\n`);
  const canonicalRequest = [
    request.method,
    url.pathname,
    canonicalQuery(url),
    headerLines.join(""),
    signedHeaders,
    "UNSIGNED-PAYLOAD",
  ].join("\n");
  const amzDate = url.searchParams.get("X-Amz-Date") ?? "";
  const scope = (url.searchParams.get("X-Amz-Credential") ?? "").split("/").slice(1).join("/");
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    amzDate,
    scope,
    hex(await crypto.subtle.digest("SHA-256", encoder.encode(canonicalRequest))),
  ].join("\n");
  const [date, region, service] = scope.split("/");
  let key = await hmac(encoder.encode(`AWS4${secretKey}`), date ?? "");
  for (const part of [region ?? "", service ?? "", "aws4_request"]) key = await hmac(key, part);
  return hex(await hmac(key, stringToSign));
}
