import type { RouteHandler } from "@hono/zod-openapi";
import { toAssetFilters } from "../../assets/api-fields";
import { bulkDelete } from "../../assets/bulk-delete";
import type { AppEnv } from "../../types";
import type * as routes from "./bulk-delete.routes";

export const bulkDeleteHandler: RouteHandler<typeof routes.bulkDelete, AppEnv> = async (c) => {
  const result = await bulkDelete(c.var, c.var.workspaceId, toAssetFilters(c.req.valid("query")));
  return c.json({ data: { deleted: result.deleted, pending_storage: result.pendingStorage } }, 200);
};
