import type { WebhookEventType, WebhookRow } from "../db/schema";
import { countWebhooks, findWebhook, insertWebhook, listWebhooks, removeWebhook, replaceSecret } from "../db/webhooks";
import { ApiError } from "../errors";
import { newId } from "../ids";
import type { Services } from "../services";
import { newSecret } from "./signing";
import { assertWebhookUrl } from "./webhook-url";

/** Each webhook multiplies every event's deliveries, so a workspace keeps a handful. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;
const PREVIOUS_SECRET_GRACE_MS = 24 * 3600 * 1000;

export interface WebhookInput {
  url: string;
  events: WebhookEventType[];
  description?: string;
}

export const webhookNotFound = () => new ApiError("not_found", "Webhook not found.");

/** Registers a receiver; the answer carries the signing secret, which is never shown again. */
export async function createWebhook(services: Services, workspaceId: string, input: WebhookInput) {
  const { config, db } = services;
  const url = assertWebhookUrl(config, input.url);
  if ((await countWebhooks(db, workspaceId)) >= MAX_WEBHOOKS_PER_WORKSPACE) {
    throw new ApiError("conflict", `A workspace can have at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks.`, {
      url: "delete a webhook first",
    });
  }
  const row = await insertWebhook(db, {
    id: newId(),
    workspaceId,
    url: url.toString(),
    description: input.description ?? null,
    events: input.events,
    secret: newSecret(),
    previousSecret: null,
    previousSecretExpiresAt: null,
    createdAt: new Date().toISOString(),
  });
  return { row, secret: row.secret };
}

export async function listWorkspaceWebhooks(services: Services, workspaceId: string): Promise<WebhookRow[]> {
  return listWebhooks(services.db, workspaceId);
}

/** The webhook of this workspace, or 404: another workspace's webhook does not exist here. */
export async function getWebhook(services: Services, workspaceId: string, id: string): Promise<WebhookRow> {
  const row = await findWebhook(services.db, workspaceId, id);
  if (!row) throw webhookNotFound();
  return row;
}

export async function deleteWebhook(services: Services, workspaceId: string, id: string): Promise<void> {
  if (!(await removeWebhook(services.db, workspaceId, id))) throw webhookNotFound();
}

/** A new secret, shown once; the old one keeps signing alongside it for a day. */
export async function rotateWebhookSecret(services: Services, workspaceId: string, id: string) {
  const row = await getWebhook(services, workspaceId, id);
  const graceEnds = new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS).toISOString();
  const updated = await replaceSecret(services.db, row, newSecret(), graceEnds);
  if (!updated) throw webhookNotFound();
  return { row: updated, secret: updated.secret };
}
