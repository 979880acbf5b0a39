import { count, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "./client";
import { storageDeletions } from "./schema";
import { keysUnder } from "./storage-deletions";

/** Counting reads at most this many owed rows, so a report costs the same however large the queue. */
export const OWED_COUNT_LIMIT = 10_000;

/**
 * Owed deletions storage has not confirmed yet (failed ones carry their error; untried ones are
 * due) and, apart, deleted keys held until their upload URL expires. Lower bounds past the limit.
 */
export async function countOwedDeletions(db: Database, options: { prefix?: string; now?: Date } = {}) {
  const now = (options.now ?? new Date()).toISOString();
  const unconfirmed = or(isNotNull(storageDeletions.lastError), lte(storageDeletions.nextAttemptAt, now));
  const owed = db
    .select({ unconfirmed: sql<number>`${unconfirmed}`.as("unconfirmed") })
    .from(storageDeletions)
    .where(options.prefix ? keysUnder(options.prefix) : undefined)
    .limit(OWED_COUNT_LIMIT)
    .as("owed");
  const [row] = await db
    .select({ all: count(), unconfirmed: sql<number>`coalesce(sum(${owed.unconfirmed}), 0)` })
    .from(owed);
  const unconfirmedCount = Number(row?.unconfirmed ?? 0);
  return { unconfirmed: unconfirmedCount, held: (row?.all ?? 0) - unconfirmedCount };
}
