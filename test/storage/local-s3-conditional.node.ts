import { request } from "node:http";
import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presignPut } from "../../src/storage/presign-upload";
import { Storage } from "../../src/storage/s3";
import { exampleConfig } from "../support/example-config";
import {
  BUCKET,
  CREDENTIALS,
  completeUpload,
  errorCode,
  inOrder,
  type LocalS3,
  localS3,
  uploadParts,
} from "../support/local-s3-client";

const KiB = 1024;
let s3: LocalS3;
let storage: Storage;
beforeAll(async () => {
  s3 = await localS3({ minPartSize: KiB });
  storage = new Storage(
    exampleConfig({
      STORAGE_ENDPOINT: s3.endpoint,
      STORAGE_BUCKET: BUCKET,
      STORAGE_REGION: CREDENTIALS.region,
      STORAGE_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      STORAGE_SECRET_KEY: CREDENTIALS.secretAccessKey,
    }),
  );
});
afterAll(() => s3.close());

const ifAbsent = { "If-None-Match": "*" };
const read = async (url: string) => (await s3.client.fetch(url)).text();

describe("local S3 conditional writes (If-None-Match: *)", () => {
  it("writes a new key, answers 412 PreconditionFailed once it exists, and leaves it unchanged", async () => {
    const url = s3.objectUrl();
    expect((await s3.client.fetch(url, { method: "PUT", body: "first", headers: ifAbsent })).status).toBe(200);
    const second = await s3.client.fetch(url, { method: "PUT", body: "second", headers: ifAbsent });
    expect(second.status).toBe(412);
    const body = await second.text();
    expect(body).toContain("<Code>PreconditionFailed</Code>");
    expect(body).toContain("<Condition>If-None-Match</Condition>");
    expect(await read(url)).toBe("first");
    // Without the condition a PUT overwrites, as on every store.
    expect((await s3.client.fetch(url, { method: "PUT", body: "third" })).status).toBe(200);
    expect(await read(url)).toBe("third");
  });

  it("takes only `*`, and checks the signature before the condition", async () => {
    const url = s3.objectUrl();
    await s3.client.fetch(url, { method: "PUT", body: "x" });
    const etag = await s3.client.fetch(url, { method: "PUT", body: "y", headers: { "If-None-Match": '"abc"' } });
    expect(etag.status).toBe(501);
    const forger = new AwsClient({ ...CREDENTIALS, secretAccessKey: "not-the-secret", service: "s3", retries: 0 });
    const forged = await forger.fetch(url, { method: "PUT", body: "y", headers: ifAbsent });
    expect(forged.status).toBe(403);
    expect(await errorCode(forged)).toBe("SignatureDoesNotMatch");
  });

  it("answers 409 ConditionalRequestConflict to a second conditional write while the first is in flight", async () => {
    const url = new URL(s3.objectUrl());
    const presigned = await presignPut(
      storage,
      url.pathname.split("/").pop() ?? "",
      { contentType: "text/plain", size: 4 },
      {
        expiresIn: 60,
      },
    );
    const first = request(presigned.url, { method: "PUT", headers: presigned.headers });
    const firstAnswer = new Promise<number>((resolve, reject) => {
      first.on("response", (response) => resolve(response.statusCode ?? 0)).on("error", reject);
    });
    first.write("ab");
    // Give the server time to take the first request's headers in before the second arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await fetch(presigned.url, { method: "PUT", headers: presigned.headers, body: "cdef" });
    expect(second.status).toBe(409);
    expect(await errorCode(second)).toBe("ConditionalRequestConflict");
    first.end("cd");
    expect(await firstAnswer).toBe(200);
  });

  it("applies to CompleteMultipartUpload too: 412 when the key exists, and the upload stays", async () => {
    const url = s3.objectUrl();
    await s3.client.fetch(url, { method: "PUT", body: "already here" });
    const { uploadId, etags } = await uploadParts(s3, url, [KiB, 10]);
    const refused = await completeUpload(s3, url, uploadId, inOrder(etags), ifAbsent);
    expect(refused.status).toBe(412);
    expect(await read(url)).toBe("already here");
    expect((await s3.client.fetch(`${url}?uploadId=${uploadId}`, { method: "DELETE" })).status).toBe(204);

    const fresh = s3.objectUrl();
    const upload = await uploadParts(s3, fresh, [KiB, 10]);
    expect((await completeUpload(s3, fresh, upload.uploadId, inOrder(upload.etags), ifAbsent)).status).toBe(200);
  });
});

describe("the service's presigned URLs against the local S3", () => {
  it("a PUT URL works once with its signed headers; a replay is 412, another size or type 403", async () => {
    const key = "ws_1/upload/clip one.txt";
    const put = await presignPut(storage, key, { contentType: "text/plain", size: 5 }, { expiresIn: 60 });
    const { "Content-Length": _length, ...sent } = put.headers;
    const longer = await fetch(put.url, { method: "PUT", headers: sent, body: "hello!" });
    expect(longer.status).toBe(403);
    expect(await errorCode(longer)).toBe("SignatureDoesNotMatch");
    const otherType = await fetch(put.url, {
      method: "PUT",
      headers: { ...sent, "Content-Type": "text/html" },
      body: "hello",
    });
    expect(otherType.status).toBe(403);
    expect((await fetch(put.url, { method: "PUT", headers: sent, body: "hello" })).status).toBe(200);
    const replay = await fetch(put.url, { method: "PUT", headers: sent, body: "hello" });
    expect(replay.status).toBe(412);
    expect(await errorCode(replay)).toBe("PreconditionFailed");
  });

  it("a download URL with spaces in its name works as %20, and fails when they are written as +", async () => {
    const key = "ws_1/download/a file.txt";
    await s3.client.fetch(storage.objectUrl(key), { method: "PUT", body: "bytes" });
    const fileName = 'my "final" file é.txt';
    const url = await storage.presignGet(key, { expiresIn: 60, disposition: "attachment", fileName });
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toBe(
      `attachment; filename="my _final_ file _.txt"; filename*=UTF-8''my%20%22final%22%20file%20%C3%A9.txt`,
    );
    const plus = await fetch(url.replace(/%20/g, "+"));
    expect(plus.status).toBe(403);
    expect(await errorCode(plus)).toBe("SignatureDoesNotMatch");
  });
});
