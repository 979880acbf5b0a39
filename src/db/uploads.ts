import { and, eq } from "drizzle-orm";
import type { Database } from "./client";
import { type AssetRow, assets } from "./schema";

/** Flips a pending asset to ready; null when it is not pending any more (or gone). */
export async function markAssetReady(db: Database, row: AssetRow): Promise<AssetRow | null> {
  const [ready] = await db
    .update(assets)
    .set({ status: "ready", uploadId: null, partSize: null, updatedAt: new Date().toISOString() })
    .where(and(eq(assets.workspaceId, row.workspaceId), eq(assets.id, row.id), eq(assets.status, "pending")))
    .returning();
  return ready ?? null;
}
