// Bench-only Worker: per-operation signing costs inside the Workers runtime.
// Timers do not advance while a Worker computes, so each route only does `n` operations and
// the caller times the whole request from outside; (time(route) - time(/none)) / n is the
// cost of one operation. Production code carries no bench routes.
import { AwsClient, AwsV4Signer } from "aws4fetch";
import { Storage } from "../../src/storage/s3";
import { exampleConfig } from "../../test/support/example-config";

const config = exampleConfig();
const credentials = {
  accessKeyId: config.STORAGE_ACCESS_KEY_ID,
  secretAccessKey: config.STORAGE_SECRET_KEY,
  region: config.STORAGE_REGION,
  service: "s3",
};
const storage = new Storage(config);
const client = new AwsClient(credentials);
const signingCache = new Map<string, ArrayBuffer>();
const now = new Date("2026-03-04T05:06:07Z");
const datetime = "20260304T050607Z";
const encoder = new TextEncoder();
// Inputs the size of a real canonical request and string to sign.
const canonicalRequest = encoder.encode("x".repeat(330));
const stringToSign = encoder.encode("y".repeat(140));
// Imported on first use: Workers allow no asynchronous work at startup.
let hmacKey: Promise<CryptoKey> | undefined;
const floorKey = () =>
  (hmacKey ??= crypto.subtle.importKey("raw", new Uint8Array(32).fill(7), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]));

const keyFor = (i: number) => `ws_bench/2VbYbZ3CxyN0Qx5Cq3ZpB8H${String(i).padStart(6, "0")}/photo ${i}.png`;
const urlFor = (i: number) => `${storage.objectUrl(keyFor(i))}?X-Amz-Expires=3600`;

const operations: Record<string, (i: number) => Promise<unknown>> = {
  // The floor: the WebCrypto work one presigned URL needs at least, with nothing around it.
  floor: async () => {
    const hmacKey = await floorKey();
    await crypto.subtle.digest("SHA-256", canonicalRequest);
    await crypto.subtle.sign("HMAC", hmacKey, stringToSign);
    await crypto.subtle.sign("HMAC", hmacKey, stringToSign);
  },
  // What the service runs for every signed URL.
  presign: (i) => storage.presignGet(keyFor(i), { expiresIn: 3600, now }),
  // For comparison: aws4fetch used naively (a Request per URL, the signing key re-imported).
  naive: (i) => client.sign(urlFor(i), { method: "GET", aws: { signQuery: true, datetime } }),
  // For comparison: aws4fetch's signer without the Request, still re-importing the key.
  signer: (i) =>
    new AwsV4Signer({ ...credentials, url: urlFor(i), signQuery: true, datetime, cache: signingCache }).sign(),
};

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const name = url.pathname.slice(1);
    const n = Number(url.searchParams.get("n") ?? "0");
    if (name === "none") return new Response("0");
    const operation = operations[name];
    if (!operation || !Number.isInteger(n) || n < 1 || n > 100_000) {
      return new Response(`unknown operation ${name} or bad n`, { status: 400 });
    }
    let last: unknown;
    for (let i = 0; i < n; i++) last = await operation(i);
    return new Response(typeof last === "string" ? last : String(n));
  },
} satisfies ExportedHandler;
