import { flushDeletions } from "../cleanup/owed-deletions";
import { oweDeletion } from "../db/storage-deletions";
import type { Services } from "../services";

/**
 * A write that failed may still have been performed (a timeout, a reset or a 5xx is no answer),
 * so its key is owed before anything else, then deleted right away if storage allows. A write
 * still in flight that lands later is swept too: young keys stay owed until UPLOAD_URL_TTL has passed.
 */
export async function discardWrite(services: Services, storageKey: string, uploadId: string | null, reason: string) {
  const owed = await oweDeletion(services.db, storageKey, uploadId, reason);
  await flushDeletions(services, [owed]);
}
