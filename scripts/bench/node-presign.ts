// Presigning cost in Node: the service's own code path (src/storage, run here through tsx), and
// aws4fetch's AwsClient.sign, against @aws-sdk/s3-request-presigner, which is what most Node
// users would reach for. Prints one JSON object.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { AwsClient } from "aws4fetch";
import { Storage } from "../../src/storage/s3";
import { exampleConfig } from "../../test/support/example-config";

const config = exampleConfig();
const storage = new Storage(config);
const client = new S3Client({
  region: config.STORAGE_REGION,
  endpoint: config.STORAGE_ENDPOINT,
  forcePathStyle: true,
  credentials: { accessKeyId: config.STORAGE_ACCESS_KEY_ID, secretAccessKey: config.STORAGE_SECRET_KEY },
});
const aws4fetch = new AwsClient({
  accessKeyId: config.STORAGE_ACCESS_KEY_ID,
  secretAccessKey: config.STORAGE_SECRET_KEY,
  region: config.STORAGE_REGION,
  service: "s3",
});
const now = new Date("2026-03-04T05:06:07Z");
const datetime = "20260304T050607Z";
const keyFor = (i: number) => `ws_bench/2VbYbZ3CxyN0Qx5Cq3ZpB8H${String(i).padStart(6, "0")}/photo ${i}.png`;
const encoder = new TextEncoder();
const canonicalRequest = encoder.encode("x".repeat(330));
const stringToSign = encoder.encode("y".repeat(140));
const hmacKey = await crypto.subtle.importKey(
  "raw",
  new Uint8Array(32).fill(7),
  { name: "HMAC", hash: "SHA-256" },
  false,
  ["sign"],
);

const operations: Record<string, (i: number) => Promise<unknown>> = {
  floor: async () => {
    await crypto.subtle.digest("SHA-256", canonicalRequest);
    await crypto.subtle.sign("HMAC", hmacKey, stringToSign);
    await crypto.subtle.sign("HMAC", hmacKey, stringToSign);
  },
  service: (i) => storage.presignGet(keyFor(i), { expiresIn: 3600, now }),
  aws4fetch_sign: (i) =>
    aws4fetch.sign(`${storage.objectUrl(keyFor(i))}?X-Amz-Expires=3600`, {
      method: "GET",
      aws: { signQuery: true, datetime },
    }),
  aws_sdk: (i) =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: config.STORAGE_BUCKET, Key: keyFor(i) }), {
      expiresIn: 3600,
      signingDate: now,
    }),
};

const n = Number(process.argv[2] ?? "5000");
const rounds = Number(process.argv[3] ?? "5");
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(operations).map((name) => [name, []]));
for (const operation of Object.values(operations)) for (let i = 0; i < n; i++) await operation(i);
for (let round = 0; round < rounds; round++) {
  for (const [name, operation] of Object.entries(operations)) {
    const started = performance.now();
    for (let i = 0; i < n; i++) await operation(i);
    samples[name]?.push(((performance.now() - started) / n) * 1000);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const perOperationUs = Object.fromEntries(
  Object.entries(samples).map(([name, values]) => [name, Number(median(values).toFixed(3))]),
);
console.log(JSON.stringify({ node: process.version, n, rounds, per_operation_us: perOperationUs }));
