import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsClient } from "aws4fetch";
import { type LocalS3Options, startLocalS3 } from "../../scripts/local-s3.mjs";

export const BUCKET = "rules-test";
export const CREDENTIALS = { accessKeyId: "rules-key", secretAccessKey: "rules-secret", region: "us-east-1" };

/** A local S3 in a throwaway folder, and a client that signs every request for it. */
export async function localS3(options: Partial<LocalS3Options> = {}) {
  const directory = await mkdtemp(join(tmpdir(), "local-s3-rules-"));
  const server = await startLocalS3({ port: 0, directory, bucket: BUCKET, ...CREDENTIALS, ...options });
  const client = new AwsClient({ ...CREDENTIALS, service: "s3", retries: 0 });
  let keys = 0;
  return {
    endpoint: server.endpoint,
    client,
    /** A fresh object URL; each test works on its own keys. */
    objectUrl: (name = `object-${++keys}`) => `${server.endpoint}/${BUCKET}/${name}`,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export type LocalS3 = Awaited<ReturnType<typeof localS3>>;

/** The `<Code>` of an S3 error answer. */
export async function errorCode(response: Response): Promise<string | undefined> {
  return /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];
}

/** Starts a multipart upload and uploads `sizes` as parts 1..n; returns the id and each part's ETag. */
export async function uploadParts(s3: LocalS3, url: string, sizes: number[]) {
  const started = await s3.client.fetch(`${url}?uploads`, { method: "POST" });
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await started.text())?.[1] ?? "";
  const etags: string[] = [];
  for (const [index, size] of sizes.entries()) {
    const body = new Uint8Array(size).fill(index + 1);
    const response = await s3.client.fetch(`${url}?partNumber=${index + 1}&uploadId=${uploadId}`, {
      method: "PUT",
      body,
    });
    if (response.status !== 200) throw new Error(`part ${index + 1}: ${response.status} ${await response.text()}`);
    etags.push(response.headers.get("ETag") ?? "");
  }
  return { uploadId, etags };
}

/** CompleteMultipartUpload with the parts listed as given: [part number, ETag]. */
export function completeUpload(
  s3: LocalS3,
  url: string,
  uploadId: string,
  parts: [number, string][],
  headers: Record<string, string> = {},
) {
  const body = `<CompleteMultipartUpload>${parts
    .map(([number, etag]) => `<Part><PartNumber>${number}</PartNumber><ETag>${etag}</ETag></Part>`)
    .join("")}</CompleteMultipartUpload>`;
  return s3.client.fetch(`${url}?uploadId=${uploadId}`, { method: "POST", body, headers });
}

/** Lists parts 1..n with their ETags, in order. */
export const inOrder = (etags: string[]): [number, string][] => etags.map((etag, index) => [index + 1, etag]);
