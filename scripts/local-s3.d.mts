export interface LocalS3Options {
  port: number;
  directory: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  silent?: boolean;
  /** The smallest size of a part other than the last (EntityTooSmall); S3's 5 MiB unless lowered. */
  minPartSize?: number;
  /** R2's rule: every part but the last has the same size, and the last is no larger. On by default. */
  equalParts?: boolean;
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export function startLocalS3(options: LocalS3Options): Promise<LocalS3>;

/** S3's minimum size for every part but the last: 5 MiB. */
export const MIN_PART_SIZE: number;

export interface PartRules {
  minPartSize?: number;
  equalParts?: boolean;
}

/** The S3 error (code, status) the local S3 answers CompleteMultipartUpload with for these parts, or null. */
export function partSizeProblem(
  parts: { number: number; size: number }[],
  rules?: PartRules,
): { code: string; status: number; message: string } | null;
