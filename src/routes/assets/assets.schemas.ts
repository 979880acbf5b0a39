import { z } from "@hono/zod-openapi";
import { assetTypes } from "../../db/schema";
import { isKsuid } from "../../ids";

export const AssetIdParam = z.object({
  id: z
    .string()
    .refine(isKsuid, "must be a 27-character KSUID")
    .openapi({ param: { name: "id", in: "path" }, example: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT" }),
});

export const AssetSchema = z
  .object({
    id: z.string().openapi({ example: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT" }),
    workspace_id: z.string().openapi({ example: "ws_demo" }),
    execution_id: z.string().nullable().openapi({ example: "exec_42" }),
    agent_id: z.string().nullable().openapi({ example: "agent_7" }),
    type: z.enum(assetTypes),
    provider: z.string().nullable().openapi({ example: "fal" }),
    file_name: z.string().openapi({ example: "sunset.png" }),
    file_size: z.number().int().openapi({ example: 48213 }),
    content_type: z.string().openapi({ example: "image/png" }),
    storage_key: z.string().openapi({ example: "ws_demo/2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT/sunset.png" }),
    metadata: z.record(z.string(), z.unknown()).openapi({ example: { prompt: "a sunset" } }),
    public_url: z.string().nullable(),
    created_at: z.string().openapi({ example: "2026-11-29T04:30:00.000Z" }),
  })
  .openapi("Asset");

const label = z.string().trim().min(1).max(200);

export const ListQuery = z
  .object({
    type: z.enum(assetTypes).optional(),
    provider: label.optional(),
    execution_id: label.optional(),
    agent_id: label.optional(),
    created_after: z.iso.datetime({ offset: true }).optional(),
    created_before: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().refine(isKsuid, "must be a next_cursor value from a previous page").optional(),
  })
  .refine((query) => !(query.page && query.cursor), {
    path: ["cursor"],
    message: "use either page or cursor, not both",
  });

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

export const SignedUrlQuery = z.object({
  expires_in: z.coerce.number().int().min(1).max(604800).optional().openapi({ example: 3600 }),
  disposition: z.enum(["inline", "attachment"]).optional(),
});

export const SignedUrlSchema = z
  .object({
    url: z.string(),
    expires_at: z.string(),
    expires_in: z.number().int(),
  })
  .openapi("SignedUrl");

const optionalField = z.string().trim().min(1).max(200).optional();

export const UploadForm = z
  .object({
    file: z.instanceof(File, { message: "must be a file part" }).openapi({ type: "string", format: "binary" }),
    type: z.enum(assetTypes).optional(),
    provider: optionalField,
    execution_id: optionalField,
    agent_id: optionalField,
    file_name: z.string().max(1024).optional(),
    metadata: z.string().max(65_536).optional().openapi({ description: "A JSON object, as text." }),
  })
  .openapi("AssetUpload");

export const MetadataObject = z.record(z.string(), z.unknown());
