import { createRoute } from "@hono/zod-openapi";
import { batchExample } from "../../contract/assets.examples";
import { BatchSignedUrlBody, BatchSignedUrlResponse } from "../../contract/signing.schemas";
import { errorResponses } from "../../errors";
import { apiKeySecurity, json } from "../route-helpers";

export const signedUrls = createRoute({
  method: "post",
  path: "/signed-urls",
  tags: ["Assets"],
  security: apiKeySecurity,
  summary: "Sign download URLs for up to 100 assets at once",
  description:
    "Answers in input order with `{id, url, expires_at}` or `{id, error}` per id, from one database query. " +
    "Unknown ids and ids of other workspaces get `not_found`; malformed ids make the whole request a 400 " +
    "whose details name each bad index (`ids.3`).",
  request: { body: { required: true, content: { "application/json": { schema: BatchSignedUrlBody } } } },
  responses: {
    200: json(BatchSignedUrlResponse, "One answer per id, in input order.", batchExample),
    ...errorResponses,
  },
});
