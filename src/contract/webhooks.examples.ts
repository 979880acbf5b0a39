import { assetExample } from "./assets.examples";

/** The examples shown in the OpenAPI document and at /docs for the webhook routes. */
export const webhookExample = {
  id: "2VbZ3mQ8pN1rT5sW7uY9xA0bCdE",
  workspace_id: "ws_demo",
  url: "https://hooks.example.com/assets",
  description: "media pipeline",
  events: ["asset.created", "asset.deleted", "asset.expired"],
  created_at: "2026-11-29T04:30:00.000Z",
  previous_secret_expires_at: null,
};

export const attemptExample = {
  attempted_at: "2026-11-29T04:31:02.120Z",
  response_status: 503,
  duration_ms: 184,
  error: null,
};

export const deliveryExample = {
  id: "2VbZ4nR9qP2sU6tX8vZ0yB1cDeF",
  webhook_id: webhookExample.id,
  event_id: "evt_5f0c3a1e9b7d4c2a8e6f1b3d5a7c9e0f",
  event_type: "asset.created",
  status: "pending",
  attempt_count: 1,
  response_status: 503,
  duration_ms: 184,
  error: null,
  next_retry_at: "2026-11-29T04:31:32.120Z",
  created_at: "2026-11-29T04:31:02.000Z",
  attempts: [attemptExample],
};

export const eventExample = {
  type: "asset.created",
  timestamp: assetExample.created_at,
  data: assetExample,
};
