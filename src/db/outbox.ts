import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { assets, type WebhookEventRow, type WebhookEventType, webhookEvents, webhooks } from "./schema";

/** The values a change sets, for a statement that runs before it in the same batch. */
export interface AssetChange {
  status: "ready";
  updatedAt: string;
}

/**
 * The asset row as it stands, in column names (read back by webhooks/event-payload.ts); `after`
 * names what the same batch is about to change.
 */
function assetSnapshot(after: AssetChange | undefined) {
  return sql`json_object(
    'id', ${assets.id}, 'workspace_id', ${assets.workspaceId}, 'execution_id', ${assets.executionId},
    'agent_id', ${assets.agentId}, 'type', ${assets.type}, 'provider', ${assets.provider},
    'file_name', ${assets.fileName}, 'file_size', ${assets.fileSize}, 'content_type', ${assets.contentType},
    'storage_key', ${assets.storageKey}, 'metadata', json(${assets.metadata}), 'created_at', ${assets.createdAt},
    'status', ${after?.status ?? assets.status}, 'expires_at', ${assets.expiresAt},
    'updated_at', ${after?.updatedAt ?? assets.updatedAt}, 'model', ${assets.model}, 'prompt', ${assets.prompt},
    'config', json(${assets.config}), 'created_by_id', ${assets.createdById})`;
}

export interface AssetEventOptions {
  now?: Date;
  after?: AssetChange;
}

/**
 * One outbox row per matching asset, for workspaces with a webhook subscribed to `type`, as a
 * statement to run in the same `db.batch` as the change: D1 has no interactive transactions, and
 * a batch commits or fails as a whole. It must run while the rows still exist (before a delete).
 * Returns the new event ids; an asset already reported for `type` is never reported again.
 */
export function assetEventsStatement(
  db: Database,
  type: WebhookEventType,
  conditions: (SQL | undefined)[],
  options: AssetEventOptions = {},
) {
  const now = (options.now ?? new Date()).toISOString();
  const subscribed = sql`EXISTS (SELECT 1 FROM ${webhooks} WHERE ${webhooks.workspaceId} = ${assets.workspaceId}
    AND EXISTS (SELECT 1 FROM json_each(${webhooks.events}) WHERE json_each.value = ${type}))`;
  return db
    .insert(webhookEvents)
    .select(
      db
        .select({
          id: sql`'evt_' || lower(hex(randomblob(16)))`.as("id"),
          workspaceId: assets.workspaceId,
          type: sql`${type}`.as("type"),
          assetId: assets.id,
          data: assetSnapshot(options.after).as("data"),
          createdAt: sql`${now}`.as("created_at"),
          sentAt: sql`NULL`.as("sent_at"),
        })
        .from(assets)
        .where(and(...conditions, subscribed)),
    )
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
}

export async function findEvent(db: Database, id: string): Promise<WebhookEventRow | undefined> {
  return db.query.webhookEvents.findFirst({ where: eq(webhookEvents.id, id) });
}

export async function markEventsSent(db: Database, ids: string[], now = new Date()) {
  if (ids.length === 0) return;
  // One JSON parameter, since D1 binds at most 100 per statement.
  const idList = sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  await db
    .update(webhookEvents)
    .set({ sentAt: now.toISOString() })
    .where(and(inArray(webhookEvents.id, idList), isNull(webhookEvents.sentAt)));
}

/** Events the queue never accepted, oldest first; `createdBefore` leaves requests in flight their own send. */
export async function unsentEvents(db: Database, limit: number, createdBefore: Date) {
  return db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(isNull(webhookEvents.sentAt), lt(webhookEvents.createdAt, createdBefore.toISOString())))
    .orderBy(asc(webhookEvents.createdAt))
    .limit(limit);
}
