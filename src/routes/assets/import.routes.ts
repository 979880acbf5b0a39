import { createRoute, z } from "@hono/zod-openapi";
import { AssetSchema } from "../../contract/assets.schemas";
import { importRequestExample, readyVideoExample } from "../../contract/ingest.examples";
import { ImportRequest } from "../../contract/ingest.schemas";
import { errorResponse, errorResponses } from "../../errors";
import { json, apiKeySecurity as security } from "../route-helpers";

const tags = ["Assets"];

export const importFromUrl = createRoute({
  method: "post",
  path: "/import",
  tags,
  security,
  summary: "Import a file from a URL",
  description:
    "Fetches `source_url` (https; http only with ALLOW_HTTP_IMPORTS) and streams it into storage. " +
    "Name and content type default to the source's. Limits: MAX_UPLOAD_BYTES and IMPORT_TIMEOUT_MS.",
  request: {
    body: { required: true, content: { "application/json": { schema: ImportRequest, example: importRequestExample } } },
  },
  responses: {
    201: json(z.object({ data: AssetSchema }), "The stored asset.", readyVideoExample),
    ...errorResponses,
    413: errorResponse("The source is larger than MAX_UPLOAD_BYTES, or metadata than MAX_METADATA_BYTES."),
    415: errorResponse("The content type is not allowed or does not match `type`."),
    502: errorResponse("The source failed; `details.source_status` is its HTTP status."),
    504: errorResponse("The source did not finish within IMPORT_TIMEOUT_MS."),
  },
});
