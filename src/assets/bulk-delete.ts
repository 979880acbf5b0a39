import { flushDueDeletions } from "../cleanup/owed-deletions";
import type { AssetFilters } from "../db/assets";
import { countOwedDeletions } from "../db/owed-deletion-counts";
import { retireMatchingAssets } from "../db/storage-deletions";
import type { Services } from "../services";
import { publishEvents } from "../webhooks/publish-events";

export interface BulkDeleteResult {
  deleted: number;
  /** Files of the workspace storage has not confirmed deleted yet; the cleanup job retries them. */
  pendingStorage: number;
}

/**
 * Removes every asset of the workspace that matches the filters, pending uploads included: the
 * records at once, the files now as far as one sweep allows; whatever remains is the cleanup job's.
 */
export async function bulkDelete(
  services: Services,
  workspaceId: string,
  filters: AssetFilters,
): Promise<BulkDeleteResult> {
  const retired = await retireMatchingAssets(services.db, workspaceId, filters);
  // Which ids went is unknown here, so every row of the workspace this isolate holds is dropped.
  services.assetCache.forgetWorkspace(workspaceId);
  await publishEvents(services, retired.eventIds);
  await flushDueDeletions(services, services.config.CLEANUP_BATCH_SIZE * 10, { workspaceId });
  const owed = await countOwedDeletions(services.db, { prefix: workspaceId });
  return { deleted: retired.removed, pendingStorage: owed.unconfirmed };
}
