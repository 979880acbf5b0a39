// Types only: every shape comes from the server's own zod schemas, so client and server cannot drift,
// and `import type` keeps the schemas (and zod) out of the client bundle.
import type { z } from "zod";
import type { AssetSchema, ListedAssetSchema, ListParams, ListResponse } from "../contract/assets.schemas";
import type { BulkDeleteAnswer, BulkDeleteQuery, DeletingAnswer } from "../contract/bulk-delete.schemas";
import type {
  CompleteUploadRequest,
  DirectUploadAnswer,
  DirectUploadRequest,
  FormUploadBody,
  ImportRequest,
} from "../contract/ingest.schemas";
import type { BatchSignedUrlItem, SignedUrlSchema, SignOptionsBody } from "../contract/signing.schemas";

export type { ListParams };
export type Asset = z.infer<typeof AssetSchema>;
export type ListedAsset = z.infer<typeof ListedAssetSchema>;
export type AssetPage = z.infer<typeof ListResponse>;
export type SignedUrl = z.infer<typeof SignedUrlSchema>;
/** `expires_in` (seconds) and `disposition`. */
export type SignOptions = z.input<typeof SignOptionsBody>;
export type SignedUrlItem = z.infer<typeof BatchSignedUrlItem>;

export type UploadInput = Omit<z.input<typeof FormUploadBody>, "file" | "metadata"> & {
  /** A File keeps its name; give `file_name` for a plain Blob. */
  file: Blob;
  metadata?: Record<string, unknown>;
};

/** A direct upload: the pending asset, and a single presigned PUT or a multipart plan. */
export type CreateUploadInput = z.input<typeof DirectUploadRequest>;
export type CreatedUpload = z.infer<typeof DirectUploadAnswer>;
export type CompleteUploadInput = z.input<typeof CompleteUploadRequest>;
export type ImportInput = z.input<typeof ImportRequest>;

/** A 202 delete's body: the asset is gone, its file still owed. */
export type DeletingAsset = z.infer<typeof DeletingAnswer>;
/** "deleted" (204: storage confirmed) or "deleting" (202: the cleanup job finishes the file). */
export type DeleteOutcome = "deleted" | DeletingAsset["status"];
export type BulkDeleteFilters = z.input<typeof BulkDeleteQuery>;
export type BulkDeleteResult = z.infer<typeof BulkDeleteAnswer>;

/** Per-request settings. */
export interface CallOptions {
  signal?: AbortSignal;
}
