import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_PART_SIZE } from "../../scripts/local-s3.mjs";
import { completeUpload, errorCode, inOrder, type LocalS3, localS3, uploadParts } from "../support/local-s3-client";

const KiB = 1024;

describe("local S3 multipart rules at their defaults (5 MiB parts, equal sizes)", () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await localS3();
  });
  afterAll(() => s3.close());

  it("refuses a part under 5 MiB other than the last with EntityTooSmall, and assembles 5 MiB parts", async () => {
    expect(MIN_PART_SIZE).toBe(5 * 1024 * 1024);
    const url = s3.objectUrl();
    const small = await uploadParts(s3, url, [MIN_PART_SIZE - 1, 10]);
    const refused = await completeUpload(s3, url, small.uploadId, inOrder(small.etags));
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain("<Code>EntityTooSmall</Code>");
    expect(body).toContain(`<ProposedSize>${MIN_PART_SIZE - 1}</ProposedSize>`);

    const fine = await uploadParts(s3, url, [MIN_PART_SIZE, 10]);
    expect((await completeUpload(s3, url, fine.uploadId, inOrder(fine.etags))).status).toBe(200);
    const stored = await s3.client.fetch(url, { method: "HEAD" });
    expect(stored.headers.get("Content-Length")).toBe(String(MIN_PART_SIZE + 10));
  });

  it("lets a single part, or a last part, be as small as it likes", async () => {
    const url = s3.objectUrl();
    const single = await uploadParts(s3, url, [1]);
    expect((await completeUpload(s3, url, single.uploadId, inOrder(single.etags))).status).toBe(200);
  });
});

describe("local S3 multipart rules (parts lowered to 1 KiB to stay small)", () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await localS3({ minPartSize: KiB });
  });
  afterAll(() => s3.close());

  it("refuses an ETag that is not the part's, or a part never uploaded, with InvalidPart", async () => {
    const url = s3.objectUrl();
    const { uploadId, etags } = await uploadParts(s3, url, [KiB, 10]);
    const wrongTag = await completeUpload(s3, url, uploadId, [
      [1, etags[0] ?? ""],
      [2, '"0123456789abcdef"'],
    ]);
    expect(wrongTag.status).toBe(400);
    expect(await errorCode(wrongTag)).toBe("InvalidPart");
    const missing = await completeUpload(s3, url, uploadId, [...inOrder(etags), [3, etags[1] ?? ""]]);
    expect(await errorCode(missing)).toBe("InvalidPart");
    // Nothing was assembled, and the upload is still there to complete properly.
    expect((await s3.client.fetch(url, { method: "HEAD" })).status).toBe(404);
    expect((await completeUpload(s3, url, uploadId, inOrder(etags))).status).toBe(200);
  });

  it("refuses parts listed out of order, or twice, with InvalidPartOrder", async () => {
    const url = s3.objectUrl();
    const { uploadId, etags } = await uploadParts(s3, url, [KiB, KiB, 10]);
    const [first = "", second = "", third = ""] = etags;
    const reversed = await completeUpload(s3, url, uploadId, [
      [2, second],
      [1, first],
      [3, third],
    ]);
    expect(reversed.status).toBe(400);
    expect(await errorCode(reversed)).toBe("InvalidPartOrder");
    const twice = await completeUpload(s3, url, uploadId, [
      [1, first],
      [1, first],
      [3, third],
    ]);
    expect(await errorCode(twice)).toBe("InvalidPartOrder");
  });

  it("applies R2's rule: parts but the last share one size, and the last is no larger", async () => {
    const url = s3.objectUrl();
    const uneven = await uploadParts(s3, url, [KiB, 2 * KiB, 10]);
    const refused = await completeUpload(s3, url, uneven.uploadId, inOrder(uneven.etags));
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain("<Code>InvalidPart</Code>");
    expect(body).toContain("All non-trailing parts must have the same length");
    const largerLast = await uploadParts(s3, url, [KiB, KiB + 1]);
    expect(await errorCode(await completeUpload(s3, url, largerLast.uploadId, inOrder(largerLast.etags)))).toBe(
      "InvalidPart",
    );
  });

  it("aborts: 204, the parts are discarded, and the id is gone for every later call", async () => {
    const url = s3.objectUrl();
    const { uploadId, etags } = await uploadParts(s3, url, [KiB, 10]);
    const aborted = await s3.client.fetch(`${url}?uploadId=${uploadId}`, { method: "DELETE" });
    expect(aborted.status).toBe(204);
    const complete = await completeUpload(s3, url, uploadId, inOrder(etags));
    expect(complete.status).toBe(404);
    expect(await errorCode(complete)).toBe("NoSuchUpload");
    const part = await s3.client.fetch(`${url}?partNumber=1&uploadId=${uploadId}`, { method: "PUT", body: "x" });
    expect(await errorCode(part)).toBe("NoSuchUpload");
    const again = await s3.client.fetch(`${url}?uploadId=${uploadId}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect((await s3.client.fetch(url, { method: "HEAD" })).status).toBe(404);
  });

  it("refuses part numbers outside 1 to 10,000, and an upload id of another key", async () => {
    const url = s3.objectUrl();
    const { uploadId } = await uploadParts(s3, url, []);
    for (const partNumber of ["0", "10001", "1.5"]) {
      const response = await s3.client.fetch(`${url}?partNumber=${partNumber}&uploadId=${uploadId}`, {
        method: "PUT",
        body: "x",
      });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe("InvalidArgument");
    }
    const elsewhere = await s3.client.fetch(`${s3.objectUrl()}?partNumber=1&uploadId=${uploadId}`, {
      method: "PUT",
      body: "x",
    });
    expect(await errorCode(elsewhere)).toBe("NoSuchUpload");
  });
});

describe("local S3 with R2's equal-part rule turned off", () => {
  it("assembles parts of different sizes, as S3 and MinIO do", async () => {
    const s3 = await localS3({ minPartSize: KiB, equalParts: false });
    try {
      const url = s3.objectUrl();
      const { uploadId, etags } = await uploadParts(s3, url, [KiB, 2 * KiB, 3 * KiB]);
      expect((await completeUpload(s3, url, uploadId, inOrder(etags))).status).toBe(200);
    } finally {
      await s3.close();
    }
  });
});
