// Plain types, so the built client's declarations stand alone (no zod, no server code). They are the
// server's own schemas written out: test/client/contract-types.ts fails `npm run check` if they drift.

export type AssetType = "audio" | "image" | "video";
export type Disposition = "inline" | "attachment";

export interface Asset {
  id: string;
  workspace_id: string;
  execution_id: string | null;
  agent_id: string | null;
  type: AssetType;
  /** `upload` or `import` when the creator named none. */
  provider: string;
  file_name: string;
  file_size: number;
  content_type: string;
  storage_key: string;
  metadata: Record<string, unknown>;
  public_url: string | null;
  created_at: string;
  status: "pending" | "ready";
  expires_at: string | null;
  /** The same as `storage_key` (the PromptRails name). */
  storage_path: string;
  /** The same as `content_type` (the PromptRails name). */
  mime_type: string;
  updated_at: string;
  model: string | null;
  prompt: string | null;
  config: Record<string, unknown> | null;
  /** The id of the API key that created the asset. */
  created_by_id: string | null;
}

export interface ListedAsset extends Asset {
  /** Only with `include: "signed_url"`. */
  signed_url?: string;
  signed_url_expires_at?: string;
}

export interface ListMeta {
  total: number;
  page: number;
  limit: number;
  total_pages: number;
  next_cursor: string | null;
  total_exact: boolean;
}

export interface AssetPage {
  data: ListedAsset[];
  meta: ListMeta;
}

/** The listing filters (snake_case, as in the API) and paging; a type alias, so it is a plain record. */
export type ListParams = {
  type?: AssetType;
  provider?: string;
  execution_id?: string;
  agent_id?: string;
  model?: string;
  created_after?: string;
  created_before?: string;
  page?: number;
  limit?: number;
  cursor?: string;
  include?: "signed_url";
  expires_in?: number;
  disposition?: Disposition;
};

export interface SignedUrl {
  url: string;
  expires_at: string;
  expires_in: number;
}

/** `expires_in` (seconds) and `disposition`. */
export interface SignOptions {
  expires_in?: number;
  disposition?: Disposition;
}

export type SignedUrlItem =
  | { id: string; url: string; expires_at: string }
  | { id: string; error: { code: string; message: string } };

/** What every way in accepts besides the bytes. */
export interface AssetFields {
  type?: AssetType;
  provider?: string;
  execution_id?: string;
  agent_id?: string;
  metadata?: Record<string, unknown>;
  /** The model that generated the asset (200 characters). */
  model?: string;
  /** The prompt (32 KiB of UTF-8). */
  prompt?: string;
  /** The generation settings (MAX_METADATA_BYTES of JSON). */
  config?: Record<string, unknown>;
  expires_at?: string;
}

export interface UploadInput extends AssetFields {
  /** A File keeps its name; give `file_name` for a plain Blob. */
  file: Blob;
  file_name?: string;
}

/** A direct upload: the pending asset, and a single presigned PUT or a multipart plan. */
export interface CreateUploadInput extends AssetFields {
  file_name: string;
  content_type: string;
  file_size: number;
}

export type UploadPlan =
  | { strategy: "single"; method: "PUT"; url: string; headers: Record<string, string>; expires_at: string }
  | {
      strategy: "multipart";
      method: "PUT";
      upload_id: string;
      part_size: number;
      parts: { part_number: number; url: string; size: number }[];
      headers: Record<string, string>;
      expires_at: string;
    };

export interface CreatedUpload {
  asset: Asset;
  upload: UploadPlan;
}

export interface CompleteUploadInput {
  /** Multipart uploads only: every part's number and ETag. */
  parts?: { part_number: number; etag: string }[];
}

export interface ImportInput extends AssetFields {
  source_url: string;
  file_name?: string;
  content_type?: string;
}

/** A 202 delete's body: the asset is gone, its file still owed. */
export interface DeletingAsset {
  id: string;
  status: "deleting";
}

/** "deleted" (204: storage confirmed) or "deleting" (202: the cleanup job finishes the file). */
export type DeleteOutcome = "deleted" | DeletingAsset["status"];

/** The listing filters; bulk delete needs at least one. */
export type BulkDeleteFilters = Pick<
  ListParams,
  "type" | "provider" | "execution_id" | "agent_id" | "model" | "created_after" | "created_before"
>;

export interface BulkDeleteResult {
  /** Assets removed, pending uploads included. */
  deleted: number;
  /** Files storage has not confirmed deleted yet; the cleanup job retries them. */
  pending_storage: number;
}

export type WebhookEventType = "asset.created" | "asset.deleted" | "asset.expired";

export interface Webhook {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  created_at: string;
  /** After a rotation, deliveries are signed with the old secret too until then. */
  previous_secret_expires_at: string | null;
}

/** A created webhook or one whose secret was just rotated: the only answers that carry the secret. */
export interface CreatedWebhook extends Webhook {
  /** The signing secret (`whsec_…`). */
  secret: string;
}

export interface CreateWebhookInput {
  /** https only unless the service sets ALLOW_HTTP_WEBHOOKS. */
  url: string;
  /** All event types when omitted. */
  events?: WebhookEventType[];
  description?: string;
}

export interface WebhookAttempt {
  attempted_at: string;
  /** Null when no answer came. */
  response_status: number | null;
  duration_ms: number;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhook_id: string;
  /** The `webhook-id` header: the same on every attempt. */
  event_id: string;
  event_type: WebhookEventType;
  status: "pending" | "sending" | "succeeded" | "failed";
  attempt_count: number;
  /** The last attempt's answer. */
  response_status: number | null;
  duration_ms: number | null;
  error: string | null;
  next_retry_at: string | null;
  created_at: string;
  /** Every attempt, newest first. */
  attempts: WebhookAttempt[];
}

export interface WebhookDeliveryPage {
  data: WebhookDelivery[];
  meta: { limit: number; next_cursor: string | null };
}

/** `limit` (1 to 100, default 20) and the previous page's `meta.next_cursor`. */
export type DeliveryListParams = { limit?: number; cursor?: string };

/** The JSON body a receiver gets (after verifying its signature). */
export interface WebhookEvent {
  type: WebhookEventType;
  /** When the change happened (ISO 8601 UTC). */
  timestamp: string;
  /** The asset as the API returns it. */
  data: Asset;
}

/** Per-request settings. */
export interface CallOptions {
  signal?: AbortSignal;
}
