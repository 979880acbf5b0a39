import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, errorResponses, notFoundResponse } from "../../errors";
import { jsonContent } from "../../openapi";
import {
  AssetIdParam,
  AssetSchema,
  ListMeta,
  ListQuery,
  SignedUrlQuery,
  SignedUrlSchema,
  UploadForm,
} from "./assets.schemas";
import { security, tags } from "./route-helpers";

export const upload = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Upload a file as a new asset",
  request: { body: { required: true, content: { "multipart/form-data": { schema: UploadForm } } } },
  responses: {
    201: jsonContent(z.object({ data: AssetSchema }), "The stored asset."),
    ...errorResponses,
    413: errorResponse("The file is larger than MAX_UPLOAD_BYTES, or metadata than MAX_METADATA_BYTES."),
    415: errorResponse("The content type is not allowed (ALLOWED_CONTENT_TYPES) or does not match `type`."),
  },
});

export const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List assets, newest first",
  request: { query: ListQuery },
  responses: {
    200: jsonContent(z.object({ data: z.array(AssetSchema), meta: ListMeta }), "One page of assets."),
    ...errorResponses,
  },
});

export const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  summary: "Get one asset",
  request: { params: AssetIdParam },
  responses: {
    200: jsonContent(z.object({ data: AssetSchema }), "The asset."),
    ...errorResponses,
    ...notFoundResponse,
  },
});

export const signedUrl = createRoute({
  method: "get",
  path: "/{id}/signed-url",
  tags,
  security,
  summary: "Issue a short-lived signed download URL",
  request: { params: AssetIdParam, query: SignedUrlQuery },
  responses: {
    200: jsonContent(z.object({ data: SignedUrlSchema }), "A presigned GET URL."),
    ...errorResponses,
    ...notFoundResponse,
    409: errorResponse("The asset's upload is not complete yet."),
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  summary: "Delete an asset: its file and its record",
  request: { params: AssetIdParam },
  responses: {
    204: { description: "Deleted." },
    ...errorResponses,
    ...notFoundResponse,
  },
});
