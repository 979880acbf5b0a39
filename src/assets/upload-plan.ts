import { type Config, MAX_PARTS } from "../config";

const MiB = 1024 * 1024;

export type UploadPlan = { kind: "single" } | { kind: "multipart"; partSize: number; partCount: number };

/**
 * One PUT up to MULTIPART_THRESHOLD_BYTES; above it, parts of MULTIPART_PART_SIZE_BYTES, grown
 * (in whole MiB) only when the file would otherwise need more than 10,000 parts.
 */
export function planUpload(config: Config, fileSize: number): UploadPlan {
  if (fileSize <= config.MULTIPART_THRESHOLD_BYTES) return { kind: "single" };
  const needed = Math.ceil(fileSize / MAX_PARTS);
  const partSize =
    needed > config.MULTIPART_PART_SIZE_BYTES ? Math.ceil(needed / MiB) * MiB : config.MULTIPART_PART_SIZE_BYTES;
  return { kind: "multipart", partSize, partCount: partCountOf(fileSize, partSize) };
}

export function partCountOf(fileSize: number, partSize: number): number {
  return Math.ceil(fileSize / partSize);
}
