import { z } from "@hono/zod-openapi";
import { decodeCursor } from "../db/list-cursor";
import { assetStatuses, assetTypes } from "../db/schema";
import { DispositionField, Label } from "./fields";
import { ExpiresInQuery } from "./signing.schemas";

export const AssetSchema = z
  .object({
    id: z.string().openapi({ example: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT" }),
    workspace_id: z.string().openapi({ example: "ws_demo" }),
    execution_id: z.string().nullable().openapi({ example: "exec_42" }),
    agent_id: z.string().nullable().openapi({ example: "agent_7" }),
    type: z.enum(assetTypes),
    provider: z.string().openapi({
      description: "Who produced the asset; `upload` (form and direct uploads) or `import` when the creator gave none.",
      example: "fal",
    }),
    file_name: z.string().openapi({ example: "sunset.png" }),
    file_size: z.number().int().openapi({ example: 48213 }),
    content_type: z.string().openapi({ example: "image/png" }),
    storage_key: z.string().openapi({ example: "ws_demo/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/sunset.png" }),
    metadata: z.record(z.string(), z.unknown()).openapi({ example: { prompt: "a sunset" } }),
    public_url: z.string().nullable(),
    created_at: z.string().openapi({ example: "2026-11-29T04:30:00.000Z" }),
    status: z.enum(assetStatuses).openapi({
      description: "`pending` until a direct upload is completed; only `ready` assets are listed and signed.",
    }),
    expires_at: z.string().nullable().openapi({ description: "When the asset is deleted; null keeps it." }),
    // The PromptRails names: the same values as storage_key and content_type, so its SDKs read them unchanged.
    storage_path: z.string().openapi({ description: "The same as `storage_key`." }),
    mime_type: z.string().openapi({ description: "The same as `content_type`." }),
    updated_at: z.string().openapi({
      description: "When the asset last changed: its creation, or the completion of its upload.",
      example: "2026-11-29T04:30:00.000Z",
    }),
    model: z.string().nullable().openapi({ example: "flux-pro" }),
    prompt: z.string().nullable().openapi({ example: "a sunset over the sea" }),
    config: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ example: { seed: 42, steps: 30 } }),
    created_by_id: z.string().nullable().openapi({
      description: "The id of the API key that created the asset; null for assets older than this field.",
      example: "2VbZ1kQ8mN3pR5sT7uW9xY0aBcD",
    }),
  })
  .openapi("Asset");

/** The filters listing and bulk delete share. */
export const ListFilters = z.object({
  type: z.enum(assetTypes).optional().openapi({ example: "image" }),
  provider: Label.optional().openapi({ example: "fal" }),
  execution_id: Label.optional().openapi({ example: "exec_42" }),
  agent_id: Label.optional().openapi({ example: "agent_7" }),
  model: Label.optional().openapi({ example: "flux-pro" }),
  created_after: z.iso.datetime({ offset: true }).optional().openapi({ example: "2026-11-01T00:00:00Z" }),
  created_before: z.iso.datetime({ offset: true }).optional().openapi({ example: "2026-12-01T00:00:00Z" }),
});

export const ListQuery = ListFilters.extend({
  page: z.coerce.number().int().min(1).max(1_000_000).optional().openapi({ example: 1 }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  cursor: z
    .string()
    .refine((value) => decodeCursor(value) !== null, "must be a next_cursor value from a previous page")
    .optional()
    .openapi({ example: "1764397144403.2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT" }),
  include: z
    .enum(["signed_url"])
    .optional()
    .openapi({ description: "`signed_url` adds a signed download URL to each asset.", example: "signed_url" }),
  expires_in: ExpiresInQuery,
  disposition: DispositionField,
})
  .refine((query) => !(query.page && query.cursor), {
    path: ["cursor"],
    message: "use either page or cursor, not both",
  })
  .refine((query) => query.include || (query.expires_in === undefined && query.disposition === undefined), {
    path: ["include"],
    message: "expires_in and disposition apply to signed URLs: add include=signed_url",
  });

/** The list query as its parsed values, for callers that build it in code (RPC, the client). */
export type ListParams = Partial<z.infer<typeof ListQuery>>;

export const ListMeta = z.object({
  total: z.number().int().openapi({ description: "Matching assets; a lower bound when `total_exact` is false." }),
  page: z.number().int(),
  limit: z.number().int(),
  total_pages: z.number().int().openapi({ description: "A lower bound when `total_exact` is false." }),
  next_cursor: z.string().nullable(),
  total_exact: z.boolean().openapi({
    description: "False when counting stopped early: there are at least `total` matching assets.",
  }),
});

export const ListedAssetSchema = AssetSchema.extend({
  signed_url: z.string().optional().openapi({ description: "Only with include=signed_url." }),
  signed_url_expires_at: z.string().optional().openapi({ description: "Only with include=signed_url." }),
}).openapi("ListedAsset");

export type ListedAsset = z.infer<typeof ListedAssetSchema>;

export const ListResponse = z.object({ data: z.array(ListedAssetSchema), meta: ListMeta });
