import { createRoute, z } from "@hono/zod-openapi";
import { AssetSchema } from "../../contract/assets.schemas";
import { AssetIdParam } from "../../contract/fields";
import {
  completeRequestExample,
  readyVideoExample,
  uploadAnswerExample,
  uploadRequestExample,
} from "../../contract/ingest.examples";
import { CompleteUploadRequest, DirectUploadAnswer, DirectUploadRequest } from "../../contract/ingest.schemas";
import { errorResponse, errorResponses, notFoundResponse } from "../../errors";
import { json, apiKeySecurity as security } from "../route-helpers";

const tags = ["Assets"];

export const createDirectUpload = createRoute({
  method: "post",
  path: "/uploads",
  tags,
  security,
  summary: "Start a direct upload to storage",
  description:
    "Creates a pending asset and answers with a presigned PUT, or above MULTIPART_THRESHOLD_BYTES with " +
    "one presigned URL per part. Upload the bytes, then call `complete`.",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: DirectUploadRequest, example: uploadRequestExample } },
    },
  },
  responses: {
    201: json(
      z.object({ data: DirectUploadAnswer }),
      "The pending asset and how to upload its bytes.",
      uploadAnswerExample,
    ),
    ...errorResponses,
    413: errorResponse("file_size is over MAX_DIRECT_UPLOAD_BYTES, or metadata over MAX_METADATA_BYTES."),
    415: errorResponse("The content type is not allowed or does not match `type`."),
  },
});

export const completeDirectUpload = createRoute({
  method: "post",
  path: "/{id}/complete",
  tags,
  security,
  summary: "Finish a direct upload",
  description:
    "Checks the object in storage (present, exact size, same content type) and makes the asset ready. " +
    "Multipart uploads send every part's ETag. Completing a ready asset returns it unchanged.",
  request: {
    params: AssetIdParam,
    body: {
      required: false,
      content: { "application/json": { schema: CompleteUploadRequest, example: completeRequestExample } },
    },
  },
  responses: {
    200: json(z.object({ data: AssetSchema }), "The ready asset.", readyVideoExample),
    ...errorResponses,
    ...notFoundResponse,
    409: errorResponse("Storage does not hold the declared file; `details` says what differs."),
  },
});
