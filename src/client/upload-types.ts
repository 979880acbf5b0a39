import type { Asset } from "./types";

// Shapes of the presigned-upload and import endpoints as the API documents them. Their route schemas
// are not part of this module's server yet; once they are, derive these from them with z.infer too.

export interface CreateUploadInput {
  file_name: string;
  content_type: string;
  file_size: number;
  type?: Asset["type"];
  provider?: string;
  execution_id?: string;
  agent_id?: string;
  metadata?: Record<string, unknown>;
  /** ISO 8601 time after which the pending upload may be discarded. */
  expires_at?: string;
}

export interface SingleUploadPlan {
  url: string;
  method: "PUT";
  headers: Record<string, string>;
  expires_at: string;
}

export interface MultipartUploadPlan {
  upload_id: string;
  part_size: number;
  parts: { part_number: number; url: string }[];
  expires_at: string;
}

export interface CreatedUpload {
  asset: Asset;
  upload: SingleUploadPlan | MultipartUploadPlan;
}

export interface CompleteUploadInput {
  /** Multipart uploads only: the ETag storage returned for each part. */
  parts?: { part_number: number; etag: string }[];
}

export interface ImportInput {
  source_url: string;
  file_name?: string;
  content_type?: string;
  type?: Asset["type"];
  provider?: string;
  execution_id?: string;
  agent_id?: string;
  metadata?: Record<string, unknown>;
}
