import { oweDeletion } from "../db/storage-deletions";
import type { Services } from "../services";

/**
 * A stored object whose row could not be written must not linger unseen. The database just
 * failed, so storage is tried first; only if that fails too is the deletion recorded for the
 * cleanup job, and if even that fails the key is logged for an operator.
 */
export async function abandonObject({ db, storage }: Services, storageKey: string, reason: string) {
  try {
    await storage.delete(storageKey);
    return;
  } catch {
    // Fall through to recording the debt.
  }
  try {
    await oweDeletion(db, storageKey, null, reason);
  } catch (error) {
    console.error(JSON.stringify({ event: "orphaned_object", storage_key: storageKey, reason, error: String(error) }));
  }
}
