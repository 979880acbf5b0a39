import type { Transport } from "./transport.js";
import type {
  CallOptions,
  CreatedWebhook,
  CreateWebhookInput,
  DeliveryListParams,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryPage,
} from "./types.js";

const BASE = "/api/v1/webhooks";
const webhookPath = (id: string, suffix = "") => `${BASE}/${encodeURIComponent(id)}${suffix}`;

export function webhooksResource({ request }: Transport) {
  return {
    /** Registers a receiver; the answer's `secret` is shown only this once. */
    async create(input: CreateWebhookInput, options: CallOptions = {}): Promise<CreatedWebhook> {
      return (await request<{ data: CreatedWebhook }>("POST", BASE, { ...options, json: input, idempotent: false }))
        .data;
    },

    async list(options: CallOptions = {}): Promise<Webhook[]> {
      return (await request<{ data: Webhook[] }>("GET", BASE, { ...options, idempotent: true })).data;
    },

    async get(id: string, options: CallOptions = {}): Promise<Webhook> {
      return (await request<{ data: Webhook }>("GET", webhookPath(id), { ...options, idempotent: true })).data;
    },

    async delete(id: string, options: CallOptions = {}): Promise<void> {
      await request<undefined>("DELETE", webhookPath(id), { ...options, idempotent: false });
    },

    /** A new secret, shown once; the old one keeps signing alongside it for 24 hours. */
    async rotateSecret(id: string, options: CallOptions = {}): Promise<CreatedWebhook> {
      const path = webhookPath(id, "/rotate-secret");
      return (await request<{ data: CreatedWebhook }>("POST", path, { ...options, idempotent: false })).data;
    },

    /** One page of deliveries, newest first, each with every attempt. */
    async listDeliveries(
      id: string,
      params: DeliveryListParams = {},
      options: CallOptions = {},
    ): Promise<WebhookDeliveryPage> {
      const path = webhookPath(id, "/deliveries");
      return request<WebhookDeliveryPage>("GET", path, { ...options, query: params, idempotent: true });
    },

    /** Queues a delivery again, with the same event id. */
    async retryDelivery(id: string, deliveryId: string, options: CallOptions = {}): Promise<WebhookDelivery> {
      const path = webhookPath(id, `/deliveries/${encodeURIComponent(deliveryId)}/retry`);
      return (await request<{ data: WebhookDelivery }>("POST", path, { ...options, idempotent: false })).data;
    },
  };
}
