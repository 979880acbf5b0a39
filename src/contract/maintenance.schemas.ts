import { z } from "@hono/zod-openapi";

const counted = (description: string) => z.number().int().openapi({ description });

/** What one cleanup sweep did, as the cron logs it and `POST /api/v1/admin/maintenance` answers it. */
export const MaintenanceReport = z
  .object({
    expired_assets: counted("Assets past `expires_at` removed (at most CLEANUP_BATCH_SIZE)."),
    abandoned_uploads: counted("Uploads pending longer than UPLOAD_TTL removed (at most CLEANUP_BATCH_SIZE)."),
    storage_deleted: counted("Files storage confirmed deleted in this sweep."),
    storage_failed: counted("Deletions storage refused or left unanswered in this sweep; retried with backoff."),
    storage_still_owed: counted(
      "After the sweep: deletions storage has not confirmed yet, in all workspaces (counted up to 10,000).",
    ),
    storage_held: counted(
      "After the sweep: deleted keys watched until their upload URL has expired, so a late PUT is swept too.",
    ),
    webhook_events_sent: counted(
      "Webhook events sent to the queue by this sweep: those whose send failed when their change was made.",
    ),
  })
  .openapi("MaintenanceReport");

export const maintenanceExample = {
  data: {
    expired_assets: 3,
    abandoned_uploads: 1,
    storage_deleted: 4,
    storage_failed: 0,
    storage_still_owed: 0,
    storage_held: 2,
    webhook_events_sent: 0,
  },
};
