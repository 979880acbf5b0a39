import { createRoute, z } from "@hono/zod-openapi";
import { assetExample, formUploadExample } from "../../contract/assets.examples";
import { AssetSchema } from "../../contract/assets.schemas";
import { FormUploadBody } from "../../contract/ingest.schemas";
import { errorResponse, errorResponses } from "../../errors";
import { json, apiKeySecurity as security } from "../route-helpers";

const tags = ["Assets"];

export const formUpload = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Upload a file as a new asset",
  request: {
    body: {
      required: true,
      content: { "multipart/form-data": { schema: FormUploadBody, example: formUploadExample } },
    },
  },
  responses: {
    201: json(z.object({ data: AssetSchema }), "The stored asset.", { data: assetExample }),
    ...errorResponses,
    413: errorResponse("The file is larger than MAX_UPLOAD_BYTES, or metadata than MAX_METADATA_BYTES."),
    415: errorResponse("The content type is not allowed (ALLOWED_CONTENT_TYPES) or does not match `type`."),
  },
});
