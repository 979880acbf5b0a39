import { describe, expect, it } from "vitest";
import { contentDisposition } from "../../src/storage/content-disposition";
import { Storage } from "../../src/storage/s3";
import { exampleConfig } from "../support/example-config";
import { expectedSignature } from "../support/sigv4-reference";

const configWith = exampleConfig;
const baseConfig = configWith({});
const signedAt = new Date("2026-03-04T05:06:07.890Z");
const key = "ws_1/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/photo.png";

async function presign(settings: Record<string, string>, options: Partial<Parameters<Storage["presignGet"]>[1]> = {}) {
  const storage = new Storage(configWith(settings));
  return new URL(await storage.presignGet(key, { expiresIn: 900, now: signedAt, ...options }));
}

describe("presigned URL shapes", () => {
  it("uses {endpoint}/{bucket}/{key} in path style", async () => {
    const url = await presign({});
    expect(`${url.origin}${url.pathname}`).toBe(`https://account.r2.cloudflarestorage.com/media/${key}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": "AKIDEXAMPLE/20260304/auto/s3/aws4_request",
      "X-Amz-Date": "20260304T050607Z",
      "X-Amz-Expires": "900",
      "X-Amz-SignedHeaders": "host",
      "X-Amz-Signature": await expectedSignature(url, baseConfig.STORAGE_SECRET_KEY),
    });
  });

  it("uses {scheme}://{bucket}.{host}/{key} in virtual-host style", async () => {
    const url = await presign({
      STORAGE_ENDPOINT: "http://s3.us-west-2.amazonaws.com:8080",
      STORAGE_REGION: "us-west-2",
      STORAGE_FORCE_PATH_STYLE: "false",
    });
    expect(`${url.origin}${url.pathname}`).toBe(`http://media.s3.us-west-2.amazonaws.com:8080/${key}`);
    expect(url.searchParams.get("X-Amz-Credential")).toBe("AKIDEXAMPLE/20260304/us-west-2/s3/aws4_request");
    expect(url.searchParams.get("X-Amz-Signature")).toBe(await expectedSignature(url, baseConfig.STORAGE_SECRET_KEY));
  });

  it("keeps an endpoint path prefix", async () => {
    const url = await presign({ STORAGE_ENDPOINT: "http://127.0.0.1:9000/minio" });
    expect(url.pathname).toBe(`/minio/media/${key}`);
  });

  it("signs the download disposition into the URL", async () => {
    const url = await presign({}, { disposition: "attachment", fileName: "Été 2026.png" });
    expect(url.searchParams.get("response-content-disposition")).toBe(
      "attachment; filename=\"_t_ 2026.png\"; filename*=UTF-8''%C3%89t%C3%A9%202026.png",
    );
    expect(url.searchParams.get("X-Amz-Signature")).toBe(await expectedSignature(url, baseConfig.STORAGE_SECRET_KEY));
  });

  it("fills public_url only when STORAGE_PUBLIC_URL is set", () => {
    expect(new Storage(baseConfig).publicUrl(key)).toBeNull();
    const storage = new Storage(configWith({ STORAGE_PUBLIC_URL: "https://cdn.example.com/" }));
    expect(storage.publicUrl(key)).toBe(`https://cdn.example.com/${key}`);
  });
});

describe("Content-Disposition", () => {
  it("never lets a file name break out of the header value", () => {
    const header = contentDisposition("attachment", 'evil".png\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith("attachment; filename=\"evil_.png__Set-Cookie: a=b\"; filename*=UTF-8''")).toBe(true);
  });

  it("sends plain ASCII names as a quoted filename only", () => {
    expect(contentDisposition("inline", "voice.mp3")).toBe('inline; filename="voice.mp3"');
  });
});
