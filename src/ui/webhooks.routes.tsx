import { Hono } from "hono";
import { listWebhookDeliveries } from "../webhooks/deliveries";
import { listWorkspaceWebhooks } from "../webhooks/manage-webhooks";
import { toApiWebhook } from "../webhooks/serialize";
import { WebhooksPage } from "./pages/webhooks.page";
import type { UiEnv } from "./ui-env";

const RECENT_DELIVERIES = 10;

const webhookPages = new Hono<UiEnv>();

webhookPages.get("/webhooks", async (c) => {
  const { workspaceId } = c.var;
  const webhooks = await listWorkspaceWebhooks(c.var, workspaceId);
  const sections = await Promise.all(
    webhooks.map(async (row) => ({
      webhook: toApiWebhook(row),
      deliveries: (await listWebhookDeliveries(c.var, workspaceId, { webhookId: row.id, limit: RECENT_DELIVERIES }))
        .data,
    })),
  );
  return c.html(<WebhooksPage nonce={c.var.secureHeadersNonce} workspaceId={workspaceId} sections={sections} />);
});

export default webhookPages;
