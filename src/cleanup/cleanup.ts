import { asc, eq, isNotNull, lt, lte, type SQL } from "drizzle-orm";
import type { Config } from "../config";
import { assets } from "../db/schema";
import { retireAssets } from "../db/storage-deletions";
import type { Services } from "../services";
import { flushDueDeletions } from "./owed-deletions";

export interface CleanupSummary {
  expired_assets: number;
  abandoned_uploads: number;
  storage_deleted: number;
  storage_failed: number;
}

/**
 * One bounded sweep: retires at most one batch of expired assets and one of uploads left pending
 * longer than UPLOAD_TTL, then carries out owed storage deletions (these and earlier failures).
 * Everything it does is conditional on current state, so overlapping or repeated runs are harmless.
 */
export async function runCleanup(services: Services, now = new Date()): Promise<CleanupSummary> {
  const { config, db } = services;
  const batch = config.CLEANUP_BATCH_SIZE;
  const expired = await retireAssets(db, expiredAssets(now), { limit: batch, orderBy: asc(assets.expiresAt), now });
  const abandoned = await retireAssets(db, abandonedUploads(config, now), {
    limit: batch,
    orderBy: asc(assets.createdAt),
    now,
  });
  // Room for both batches just retired plus one of older failures, so the queue always drains.
  const flushed = await flushDueDeletions(services, batch * 3, { now });
  return {
    expired_assets: expired,
    abandoned_uploads: abandoned,
    storage_deleted: flushed.confirmed,
    storage_failed: flushed.failed,
  };
}

/** Assets whose `expires_at` has passed (served by `assets_expires_at_idx`). */
export function expiredAssets(now: Date): SQL[] {
  return [isNotNull(assets.expiresAt), lte(assets.expiresAt, now.toISOString())];
}

/** Uploads still pending after UPLOAD_TTL (served by `assets_pending_created_idx`). */
export function abandonedUploads(config: Config, now: Date): SQL[] {
  const staleBefore = new Date(now.getTime() - config.UPLOAD_TTL * 1000).toISOString();
  return [eq(assets.status, "pending"), lt(assets.createdAt, staleBefore)];
}
