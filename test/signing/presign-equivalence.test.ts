import { AwsClient } from "aws4fetch";
import { describe, expect, it } from "vitest";
import type { Config } from "../../src/config";
import { contentDisposition } from "../../src/storage/content-disposition";
import { type PresignOptions, Storage } from "../../src/storage/s3";
import { exampleConfig } from "../support/example-config";
import { canonicalQuery, expectedSignature } from "../support/sigv4-reference";

const r2 = exampleConfig();
const configs: Config[] = [
  r2,
  {
    ...r2,
    STORAGE_ENDPOINT: "http://s3.us-west-2.amazonaws.com:8080",
    STORAGE_REGION: "us-west-2",
    STORAGE_FORCE_PATH_STYLE: false,
  },
  { ...r2, STORAGE_ENDPOINT: "http://127.0.0.1:9000/minio/prefix", STORAGE_SECRET_KEY: "other+secret/key=" },
];
const keys = [
  "ws_1/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/photo.png",
  "ws_1/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/a b+c&d=e?f#g%h.png",
  "ws.x-y/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/(1) it's *star*! ~tilde.mp3",
  "ws_1/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/été 🌅 日本.mp4",
];
// The reference signs the path as sent; S3 and aws4fetch percent-encode !'()* in it first.
const referenceSignsPath = (url: URL) => !/[!'()*]/.test(url.pathname);
const variants: Omit<PresignOptions, "now">[] = [
  { expiresIn: 1 },
  { expiresIn: 604800, disposition: "inline", fileName: "voice.mp3" },
  { expiresIn: 900, disposition: "attachment", fileName: 'Été "2026" (final)*.png' },
  { expiresIn: 60, disposition: "attachment", fileName: "a+b=c&d;e,f.png" },
];
const days = [new Date("2026-03-04T05:06:07Z"), new Date("2026-03-05T00:00:00Z"), new Date("2024-02-29T23:59:59Z")];

/** The URL exactly as `AwsClient.sign` from aws4fetch produces it. */
async function signedByAwsClient(config: Config, key: string, options: PresignOptions & { now: Date }) {
  const url = new URL(new Storage(config).objectUrl(key));
  url.searchParams.set("X-Amz-Expires", String(options.expiresIn));
  if (options.disposition) {
    url.searchParams.set(
      "response-content-disposition",
      contentDisposition(options.disposition, options.fileName ?? "file"),
    );
  }
  const client = new AwsClient({
    accessKeyId: config.STORAGE_ACCESS_KEY_ID,
    secretAccessKey: config.STORAGE_SECRET_KEY,
    region: config.STORAGE_REGION,
    service: "s3",
  });
  const datetime = options.now.toISOString().replace(/[:-]|\.\d{3}/g, "");
  return (await client.sign(url.toString(), { method: "GET", aws: { signQuery: true, datetime } })).url;
}

/**
 * aws4fetch signs the same canonical request but writes the URL back through URLSearchParams: its
 * query is in insertion order with `+` for a space, which SigV4 forbids and some stores refuse
 * (aws4fetch issue #83). So the URLs must agree with it on the signature and on every decoded
 * parameter, and the query must be exactly the reference's canonical encoding plus the signature.
 */
function expectSameSigning(ours: string, theirs: string) {
  const [url, reference] = [new URL(ours), new URL(theirs)];
  expect(url.origin + url.pathname).toBe(reference.origin + reference.pathname);
  expect(Object.fromEntries(url.searchParams)).toEqual(Object.fromEntries(reference.searchParams));
  expect(url.search).toBe(`?${canonicalQuery(url)}&X-Amz-Signature=${url.searchParams.get("X-Amz-Signature")}`);
  expect(url.search).not.toContain("+");
}

describe("presigned URLs", () => {
  it("sign as aws4fetch does, in SigV4's canonical encoding, and match the SigV4 reference, for every shape, name and day", async () => {
    let compared = 0;
    let referenced = 0;
    for (const config of configs) {
      // One Storage for all days: the cached signing key must follow the signing date.
      const storage = new Storage(config);
      for (const now of [...days, ...days.slice().reverse()]) {
        for (const key of keys) {
          for (const variant of variants) {
            const options = { ...variant, now };
            const url = await storage.presignGet(key, options);
            expectSameSigning(url, await signedByAwsClient(config, key, options));
            const parsed = new URL(url);
            if (referenceSignsPath(parsed)) {
              expect(parsed.searchParams.get("X-Amz-Signature")).toBe(
                await expectedSignature(parsed, config.STORAGE_SECRET_KEY),
              );
              referenced++;
            }
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(configs.length * days.length * 2 * keys.length * variants.length);
    expect(referenced).toBe((compared / keys.length) * (keys.length - 1));
  });

  it("stay correct when many are signed at once across a day boundary", async () => {
    const storage = new Storage(r2);
    const jobs = Array.from({ length: 60 }, (_, i) => ({
      key: `ws_1/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/file ${i}.png`,
      options: { expiresIn: 300 + i, now: days[i % 2] as Date },
    }));
    const urls = await Promise.all(jobs.map((job) => storage.presignGet(job.key, job.options)));
    const expected = await Promise.all(jobs.map((job) => signedByAwsClient(r2, job.key, job.options)));
    for (const [index, url] of urls.entries()) expectSameSigning(url, expected[index] ?? "");
  });
});
