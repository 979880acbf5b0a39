import { asc, eq, isNotNull, lt, lte, type SQL } from "drizzle-orm";
import type { Config } from "../config";
import { countOwedDeletions } from "../db/owed-deletion-counts";
import { assets } from "../db/schema";
import { retireAssets } from "../db/storage-deletions";
import type { Services } from "../services";
import { publishEvents, relayOutbox } from "../webhooks/publish-events";
import { flushDueDeletions } from "./owed-deletions";

export interface CleanupSummary {
  expired_assets: number;
  abandoned_uploads: number;
  /** Files storage confirmed deleted in this sweep. */
  storage_deleted: number;
  /** Deletions storage refused or left unanswered in this sweep; retried with backoff. */
  storage_failed: number;
  /** After the sweep: deletions storage has not confirmed yet, these and older ones. */
  storage_still_owed: number;
  /** After the sweep: deleted keys watched until their upload URL expires, in case a late PUT recreates them. */
  storage_held: number;
  /** Webhook events whose queue send had failed (or never happened), sent in this sweep. */
  webhook_events_sent: number;
}

/**
 * One bounded sweep: retires at most one batch of expired assets and one of uploads left pending
 * longer than UPLOAD_TTL, then carries out owed storage deletions (these and earlier failures),
 * and sends the webhook events a request wrote but could not queue.
 * Everything it does is conditional on current state, so overlapping or repeated runs are harmless.
 */
export async function runCleanup(services: Services, now = new Date()): Promise<CleanupSummary> {
  const { config, db } = services;
  const batch = config.CLEANUP_BATCH_SIZE;
  const expired = await retireAssets(db, expiredAssets(now), {
    limit: batch,
    orderBy: asc(assets.expiresAt),
    now,
    event: "asset.expired",
  });
  await publishEvents(services, expired.eventIds);
  // Uploads never completed were never reported created, so their removal is not reported either.
  const abandoned = await retireAssets(db, abandonedUploads(config, now), {
    limit: batch,
    orderBy: asc(assets.createdAt),
    now,
  });
  // Room for both batches just retired plus one of older failures, so the queue always drains.
  const flushed = await flushDueDeletions(services, batch * 3, { now });
  const owed = await countOwedDeletions(db, { now });
  const relayed = await relayOutbox(services, batch, now);
  return {
    expired_assets: expired.removed,
    abandoned_uploads: abandoned.removed,
    storage_deleted: flushed.confirmed,
    storage_failed: flushed.failed,
    storage_still_owed: owed.unconfirmed,
    storage_held: owed.held,
    webhook_events_sent: relayed,
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
