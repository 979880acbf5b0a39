import { AwsV4Signer } from "aws4fetch";
import { describe, expect, it } from "vitest";
import { presignPut, presignUploadPart } from "../../src/storage/presign-upload";
import { Storage } from "../../src/storage/s3";
import { exampleConfig } from "../support/example-config";
import { canonicalQuery, expectedSignature } from "../support/sigv4-reference";

const config = exampleConfig();
const storage = new Storage(config);
const now = new Date("2026-03-04T05:06:07Z");
// No !'()* in the key: the reference signs the path as sent (presign-equivalence covers those).
const key = "ws_1/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/été 1 a+b.mp4";
// An upload id as S3 writes them: base64, so `+`, `/` and `=` are all in the query.
const uploadId = "AJ1CTqPx+faq+lgT7QVT/h2FIUs1948K2Q4I==";

/** aws4fetch's signature for the same request, as a second opinion on everything the reference signs. */
async function aws4fetchSignature(url: URL, method: string, headers: Record<string, string>) {
  const unsigned = new URL(url);
  for (const name of ["X-Amz-Signature", "X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders"]) {
    unsigned.searchParams.delete(name);
  }
  const signer = new AwsV4Signer({
    method,
    url: unsigned.toString(),
    headers,
    accessKeyId: config.STORAGE_ACCESS_KEY_ID,
    secretAccessKey: config.STORAGE_SECRET_KEY,
    region: config.STORAGE_REGION,
    service: "s3",
    signQuery: true,
    allHeaders: true,
    datetime: "20260304T050607Z",
  });
  return (await signer.sign()).url.searchParams.get("X-Amz-Signature");
}

function expectCanonicalQuery(url: URL) {
  expect(url.search).toBe(`?${canonicalQuery(url)}&X-Amz-Signature=${url.searchParams.get("X-Amz-Signature")}`);
  expect(url.search).not.toContain("+");
}

describe("presigned upload URLs", () => {
  it("sign a PUT's exact Content-Type, Content-Length and If-None-Match, in SigV4's canonical query", async () => {
    const put = await presignPut(storage, key, { contentType: "video/mp4", size: 73 }, { expiresIn: 900, now });
    expect(put.headers).toEqual({ "Content-Type": "video/mp4", "Content-Length": "73", "If-None-Match": "*" });
    const url = new URL(put.url);
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host;if-none-match");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("900");
    expectCanonicalQuery(url);
    const signature = url.searchParams.get("X-Amz-Signature");
    expect(signature).toBe(await expectedSignature(url, config.STORAGE_SECRET_KEY, { method: "PUT", ...put }));
    expect(signature).toBe(await aws4fetchSignature(url, "PUT", put.headers));
    // Another length is another request: the signature no longer matches it.
    const longer = { method: "PUT", headers: { ...put.headers, "Content-Length": "5000" } };
    expect(signature).not.toBe(await expectedSignature(url, config.STORAGE_SECRET_KEY, longer));
  });

  it("sign a part's Content-Length, with the upload id encoded as SigV4 canonicalises it", async () => {
    const part = { uploadId, partNumber: 7, size: 5 * 1024 * 1024 };
    const url = new URL(await presignUploadPart(storage, key, part, { expiresIn: 900, now }));
    expect(url.searchParams.get("uploadId")).toBe(uploadId);
    expect(url.searchParams.get("partNumber")).toBe("7");
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;host");
    expect(url.search).toContain("uploadId=AJ1CTqPx%2Bfaq%2BlgT7QVT%2Fh2FIUs1948K2Q4I%3D%3D");
    expectCanonicalQuery(url);
    const headers = { "Content-Length": String(part.size) };
    const signature = url.searchParams.get("X-Amz-Signature");
    expect(signature).toBe(await expectedSignature(url, config.STORAGE_SECRET_KEY, { method: "PUT", headers }));
    expect(signature).toBe(await aws4fetchSignature(url, "PUT", headers));
  });

  it("write a download name with spaces, quotes and non-ASCII as %20 and UTF-8 escapes, never +", async () => {
    const fileName = 'Été "final" cut 2 (v3)*.mp4';
    const url = new URL(await storage.presignGet(key, { expiresIn: 60, now, disposition: "attachment", fileName }));
    expectCanonicalQuery(url);
    expect(url.search).toContain("response-content-disposition=attachment%3B%20filename%3D%22");
    expect(url.searchParams.get("response-content-disposition")).toContain("filename*=UTF-8''%C3%89t%C3%A9%20");
    expect(url.searchParams.get("X-Amz-Signature")).toBe(await expectedSignature(url, config.STORAGE_SECRET_KEY));
  });
});
