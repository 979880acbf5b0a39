import { createRoute, z } from "@hono/zod-openapi";
import { assetExample, deletingExample, listExample, signedUrlExample } from "../../contract/assets.examples";
import { AssetSchema, ListQuery, ListResponse } from "../../contract/assets.schemas";
import { DeletingAnswer } from "../../contract/bulk-delete.schemas";
import { AssetIdParam } from "../../contract/fields";
import { SignedUrlQuery, SignedUrlSchema } from "../../contract/signing.schemas";
import { errorResponse, errorResponses, notFoundResponse } from "../../errors";
import { apiKeySecurity, json } from "../route-helpers";

const tags = ["Assets"];
const security = apiKeySecurity;

export const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List assets, newest first",
  description:
    "With `include=signed_url` every asset also carries `signed_url` and `signed_url_expires_at`, " +
    "signed with `expires_in` and `disposition`, so a gallery renders from one call.",
  request: { query: ListQuery },
  responses: {
    200: json(ListResponse, "One page of assets.", listExample),
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
    200: json(z.object({ data: AssetSchema }), "The asset.", { data: assetExample }),
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
  description:
    "Repeated requests within SIGNED_URL_WINDOW seconds return the byte-identical URL; " +
    "`Cache-Control: private, max-age` lasts only as long as that holds.",
  request: { params: AssetIdParam, query: SignedUrlQuery },
  responses: {
    200: json(z.object({ data: SignedUrlSchema }), "A presigned GET URL.", { data: signedUrlExample }),
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
  summary: "Delete an asset: its record at once, then its file",
  description:
    "The asset disappears from every read path at once, and the file deletion it owes is recorded in the same " +
    "transaction. 204 when storage confirmed deleting the file; 202 when storage gave no clear answer (timeout, " +
    "reset, 5xx): the asset is gone all the same and the cleanup job retries the file until storage confirms. " +
    "Both are success; a second delete is 404.",
  request: { params: AssetIdParam },
  responses: {
    204: { description: "Deleted: the record, and the file as storage confirmed." },
    202: json(
      z.object({ data: DeletingAnswer }),
      "Deleted: the record is gone; the file is owed and the cleanup job deletes it.",
      deletingExample,
    ),
    ...errorResponses,
    ...notFoundResponse,
  },
});
