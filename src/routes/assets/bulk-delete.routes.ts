import { createRoute, z } from "@hono/zod-openapi";
import { bulkDeleteExample } from "../../contract/assets.examples";
import { BulkDeleteAnswer, BulkDeleteQuery } from "../../contract/bulk-delete.schemas";
import { errorResponses } from "../../errors";
import { json, apiKeySecurity as security } from "../route-helpers";

const tags = ["Assets"];

export const bulkDelete = createRoute({
  method: "delete",
  path: "/",
  tags,
  security,
  summary: "Delete every asset matching the filters",
  description:
    "Takes the listing filters (at least one is required) and removes every matching asset of the " +
    "workspace, pending uploads included: records at once, files right after or by the cleanup job. " +
    "`pending_storage` counts the workspace's files storage has not confirmed deleted yet (timeout, reset, " +
    "5xx); the cleanup job retries them until it does.",
  request: { query: BulkDeleteQuery },
  responses: {
    200: json(
      z.object({ data: BulkDeleteAnswer }),
      "How many assets were deleted, and how many files storage still owes.",
      bulkDeleteExample,
    ),
    ...errorResponses,
  },
});
