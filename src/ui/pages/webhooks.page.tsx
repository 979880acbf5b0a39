import type { toApiDelivery, toApiWebhook } from "../../webhooks/serialize";
import { Layout } from "../components/layout";
import { formatTimestamp } from "../format";

export interface WebhookSection {
  webhook: ReturnType<typeof toApiWebhook>;
  deliveries: ReturnType<typeof toApiDelivery>[];
}

export interface WebhooksPageProps {
  nonce?: string;
  workspaceId: string;
  sections: WebhookSection[];
}

function DeliveryTable({ deliveries }: { deliveries: WebhookSection["deliveries"] }) {
  if (deliveries.length === 0) return <p class="muted">No deliveries yet.</p>;
  return (
    <div class="table-scroll">
      <table class="deliveries">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Duration</th>
            <th scope="col">Next retry</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr>
              <td>
                {delivery.event_type} <code class="muted">{delivery.event_id}</code>
              </td>
              <td class={`delivery-${delivery.status}`}>{delivery.status}</td>
              <td>{delivery.attempt_count}</td>
              <td>{delivery.response_status ?? delivery.error ?? "–"}</td>
              <td>{delivery.duration_ms === null ? "–" : `${delivery.duration_ms} ms`}</td>
              <td>{delivery.next_retry_at ? formatTimestamp(delivery.next_retry_at) : "–"}</td>
              <td>{formatTimestamp(delivery.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The workspace's webhooks and each one's latest deliveries; webhooks are managed through the API. */
export function WebhooksPage({ nonce, workspaceId, sections }: WebhooksPageProps) {
  return (
    <Layout title="Webhooks" nonce={nonce} workspaceId={workspaceId}>
      <h1>Webhooks</h1>
      {sections.length === 0 ? (
        <div class="empty">
          <h2>No webhooks yet</h2>
          <p>
            Register one with <code>POST /api/v1/webhooks</code> and this workspace's API key; see{" "}
            <a href="/docs">the API reference</a>.
          </p>
        </div>
      ) : (
        sections.map(({ webhook, deliveries }) => (
          <section class="webhook" aria-labelledby={`webhook-${webhook.id}`}>
            <h2 id={`webhook-${webhook.id}`}>{webhook.url}</h2>
            <p class="muted">
              {webhook.description ? `${webhook.description} · ` : ""}
              {webhook.events.join(", ")} · since {formatTimestamp(webhook.created_at)}
            </p>
            <DeliveryTable deliveries={deliveries} />
          </section>
        ))
      )}
    </Layout>
  );
}
