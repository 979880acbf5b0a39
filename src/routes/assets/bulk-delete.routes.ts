import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { jsonContent } from "../../openapi";
import { BulkDeleteAnswer, BulkDeleteQuery } from "./ingest.schemas";
import { security, tags } from "./route-helpers";

export const bulkDelete = createRoute({
  method: "delete",
  path: "/",
  tags,
  security,
  summary: "Delete every asset matching the filters",
  description:
    "Takes the listing filters (at least one is required) and removes every matching asset of the " +
    "workspace, pending uploads included: records at once, files right after or by the cleanup job.",
  request: { query: BulkDeleteQuery },
  responses: {
    200: jsonContent(z.object({ data: BulkDeleteAnswer }), "How many assets were deleted."),
    ...errorResponses,
  },
});
