import { AssetServiceError } from "./errors.js";
import type { Transport } from "./transport.js";
import type {
  Asset,
  AssetPage,
  BulkDeleteFilters,
  BulkDeleteResult,
  CallOptions,
  CompleteUploadInput,
  CreatedUpload,
  CreateUploadInput,
  DeleteOutcome,
  DeletingAsset,
  ImportInput,
  ListParams,
  SignedUrl,
  SignedUrlItem,
  SignOptions,
  UploadInput,
} from "./types.js";

const BASE = "/api/v1/assets";
const assetPath = (id: string, suffix = "") => `${BASE}/${encodeURIComponent(id)}${suffix}`;

function uploadForm(input: UploadInput): FormData {
  const { file, metadata, config, ...fields } = input;
  const form = new FormData();
  form.append("file", file, fields.file_name ?? (file instanceof File ? file.name : "file"));
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(name, value);
  }
  if (metadata !== undefined) form.append("metadata", JSON.stringify(metadata));
  if (config !== undefined) form.append("config", JSON.stringify(config));
  return form;
}

export function assetsResource({ request }: Transport) {
  const list = (params: ListParams = {}, options: CallOptions = {}) =>
    request<AssetPage>("GET", BASE, { ...options, query: params, idempotent: true });

  return {
    /** One page, newest first, with the same filters as the API (snake_case). */
    list,

    /** Every asset matching the filters, newest first, fetched page by page with cursors. */
    async *listAll(params: Omit<ListParams, "page" | "cursor"> = {}, options: CallOptions = {}) {
      let cursor: string | undefined;
      do {
        const page = await list({ ...params, cursor }, options);
        yield* page.data;
        cursor = page.meta.next_cursor ?? undefined;
      } while (cursor);
    },

    async get(id: string, options: CallOptions = {}): Promise<Asset> {
      return (await request<{ data: Asset }>("GET", assetPath(id), { ...options, idempotent: true })).data;
    },

    async getSignedUrl(id: string, sign: SignOptions = {}, options: CallOptions = {}): Promise<SignedUrl> {
      const query = { expires_in: sign.expires_in, disposition: sign.disposition };
      const path = assetPath(id, "/signed-url");
      return (await request<{ data: SignedUrl }>("GET", path, { ...options, query, idempotent: true })).data;
    },

    /** Up to 100 ids; one answer per id, in order: `{id, url, expires_at}` or `{id, error}`. */
    async getSignedUrls(ids: string[], sign: SignOptions = {}, options: CallOptions = {}): Promise<SignedUrlItem[]> {
      const json = { ...sign, ids };
      const path = `${BASE}/signed-urls`;
      return (await request<{ data: SignedUrlItem[] }>("POST", path, { ...options, json, idempotent: true })).data;
    },

    /** Sends the file through the service (multipart); see createUpload for large files. */
    async upload(input: UploadInput, options: CallOptions = {}): Promise<Asset> {
      const form = uploadForm(input);
      return (await request<{ data: Asset }>("POST", BASE, { ...options, form, idempotent: false })).data;
    },

    /** Registers an asset and returns where to PUT the bytes directly to storage. */
    async createUpload(input: CreateUploadInput, options: CallOptions = {}): Promise<CreatedUpload> {
      const path = `${BASE}/uploads`;
      return (await request<{ data: CreatedUpload }>("POST", path, { ...options, json: input, idempotent: false }))
        .data;
    },

    async completeUpload(id: string, input: CompleteUploadInput = {}, options: CallOptions = {}): Promise<Asset> {
      const path = assetPath(id, "/complete");
      return (await request<{ data: Asset }>("POST", path, { ...options, json: input, idempotent: true })).data;
    },

    /** Has the service fetch a file from a URL. */
    async import(input: ImportInput, options: CallOptions = {}): Promise<Asset> {
      const path = `${BASE}/import`;
      return (await request<{ data: Asset }>("POST", path, { ...options, json: input, idempotent: false })).data;
    },

    /**
     * Deleted either way: "deleted" (204) when storage confirmed the file, "deleting" (202) when the
     * file is still owed and the service's cleanup job finishes it. The asset is gone at once in both.
     */
    async delete(id: string, options: CallOptions = {}): Promise<DeleteOutcome> {
      try {
        const owed = await request<{ data: DeletingAsset } | undefined>("DELETE", assetPath(id), {
          ...options,
          idempotent: true,
        });
        return owed?.data.status ?? "deleted";
      } catch (error) {
        // A retry that finds nothing means an earlier attempt deleted it, which is what was asked.
        if (error instanceof AssetServiceError && error.status === 404 && error.attempts > 1) return "deleted";
        throw error;
      }
    },

    /** Deletes every asset matching the filters (at least one); `pending_storage` files are still owed. */
    async deleteMany(filters: BulkDeleteFilters, options: CallOptions = {}): Promise<BulkDeleteResult> {
      const query = { ...filters };
      return (await request<{ data: BulkDeleteResult }>("DELETE", BASE, { ...options, query, idempotent: true })).data;
    },
  };
}
