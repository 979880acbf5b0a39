import { describe, expect, it } from "vitest";
import { partSizeProblem } from "../../scripts/local-s3.mjs";
import { planUpload } from "../../src/assets/upload-plan";
import { MAX_PARTS } from "../../src/config";
import { Storage } from "../../src/storage/s3";
import { uploadStream } from "../../src/storage/stream-upload";
import { exampleConfig } from "../support/example-config";
import { BUCKET, CREDENTIALS, localS3 } from "../support/local-s3-client";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
// Production defaults: nothing set but what signing needs.
const production = exampleConfig();

/** The parts a plan asks the client for, numbered as CompleteMultipartUpload lists them. */
function plannedParts(fileSize: number) {
  const plan = planUpload(production, fileSize);
  if (plan.kind === "single") return [];
  return Array.from({ length: plan.partCount }, (_, index) => ({
    number: index + 1,
    size: Math.min(plan.partSize, fileSize - index * plan.partSize),
  }));
}

describe("the service's multipart plans at production defaults", () => {
  it("uses 32 MiB parts above a 100 MiB threshold", () => {
    expect(production.MULTIPART_PART_SIZE_BYTES).toBe(32 * MiB);
    expect(production.MULTIPART_THRESHOLD_BYTES).toBe(100 * MiB);
  });

  it("streams through the Worker in 8 MiB parts: S3's minimum, and a file of MAX_UPLOAD_BYTES in 10,000 parts", () => {
    expect(production.STREAMED_PART_SIZE_BYTES).toBe(8 * MiB);
    expect(Math.ceil(production.MAX_UPLOAD_BYTES / production.STREAMED_PART_SIZE_BYTES)).toBeLessThanOrEqual(MAX_PARTS);
    // The largest MAX_UPLOAD_BYTES the settings accept still fits at the default part size.
    const largest = exampleConfig({ MAX_UPLOAD_BYTES: String(5 * GiB) });
    expect(Math.ceil(largest.MAX_UPLOAD_BYTES / largest.STREAMED_PART_SIZE_BYTES)).toBe(640);
  });

  it("satisfy S3's 5 MiB minimum, R2's equal parts and the 10,000-part cap for every size up to 5 TiB", () => {
    const threshold = production.MULTIPART_THRESHOLD_BYTES;
    const sizes = [threshold + 1, 128 * MiB, 1 * GiB + 7, production.MAX_DIRECT_UPLOAD_BYTES, 320 * GiB + 1];
    sizes.push(5 * 1024 * GiB, 5 * 1024 * GiB - 1, 10_000 * 32 * MiB + 1);
    for (const size of sizes) {
      const parts = plannedParts(size);
      expect(parts.length, `${size} bytes`).toBeGreaterThan(1);
      expect(parts.length).toBeLessThanOrEqual(MAX_PARTS);
      expect(parts.every((part) => part.size <= 5 * GiB && part.size > 0)).toBe(true);
      expect(parts.reduce((total, part) => total + part.size, 0)).toBe(size);
      expect(partSizeProblem(parts), `${size} bytes`).toBeNull();
    }
  });

  it("stream an unknown-length body in parts the local S3 accepts at its defaults", async () => {
    const s3 = await localS3();
    try {
      const storage = new Storage(
        exampleConfig({
          STORAGE_ENDPOINT: s3.endpoint,
          STORAGE_BUCKET: BUCKET,
          STORAGE_REGION: CREDENTIALS.region,
          STORAGE_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
          STORAGE_SECRET_KEY: CREDENTIALS.secretAccessKey,
          STORAGE_TIMEOUT_MS: "60000",
        }),
      );
      const partSize = production.STREAMED_PART_SIZE_BYTES;
      // Two full parts and a short last one: R2's rule (equal parts but the last) is checked on completion.
      const size = 2 * partSize + 1024;
      // Chunks that do not line up with parts, as a network delivers them.
      const chunk = new Uint8Array(3 * MiB + 5).fill(7);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunk.subarray(0, Math.min(chunk.byteLength, size - sent));
          sent += next.byteLength;
          if (next.byteLength > 0) controller.enqueue(next);
          if (sent === size) controller.close();
        },
      });
      let uploadId = "";
      const stored = await uploadStream(storage, body, {
        key: "ws_1/streamed/take.mp4",
        field: "file",
        contentType: "video/mp4",
        length: null,
        maxBytes: production.MAX_UPLOAD_BYTES,
        multipartThreshold: production.MULTIPART_THRESHOLD_BYTES,
        partSize,
        signal: AbortSignal.timeout(60_000),
        onMultipartStarted: (id) => {
          uploadId = id;
        },
      });
      expect(stored).toBe(size);
      expect(uploadId).not.toBe("");
      expect(await storage.head("ws_1/streamed/take.mp4")).toEqual({ size, contentType: "video/mp4" });
    } finally {
      await s3.close();
    }
  });
});
