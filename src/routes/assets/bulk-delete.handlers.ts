import type { RouteHandler } from "@hono/zod-openapi";
import { inArray } from "drizzle-orm";
import { toAssetFilters } from "../../assets/api-fields";
import { filterConditions } from "../../db/assets";
import { assets } from "../../db/schema";
import { retireAssets } from "../../db/storage-deletions";
import { flushDueDeletions } from "../../lifecycle/flush-deletions";
import type { AppEnv } from "../../types";
import type * as routes from "./bulk-delete.routes";

export const bulkDelete: RouteHandler<typeof routes.bulkDelete, AppEnv> = async (c) => {
  const { config, db, storage, workspaceId } = c.var;
  const conditions = filterConditions(workspaceId, toAssetFilters(c.req.valid("query")));
  // Naming both statuses keeps SQLite on the (workspace, status, filter, id) indexes.
  const deleted = await retireAssets(db, [...conditions, inArray(assets.status, ["pending", "ready"])]);
  // The files go now as far as one sweep allows; whatever remains is the cleanup job's.
  await flushDueDeletions(db, storage, config.CLEANUP_BATCH_SIZE * 10, { workspaceId });
  return c.json({ data: { deleted } }, 200);
};
