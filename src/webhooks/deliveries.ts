import { reopenDelivery } from "../db/deliveries";
import { findDelivery, listDeliveries } from "../db/delivery-records";
import { ApiError } from "../errors";
import type { Services } from "../services";
import { getWebhook } from "./manage-webhooks";
import { toApiDelivery } from "./serialize";

const deliveryNotFound = () => new ApiError("not_found", "Delivery not found.");

export interface DeliveryListInput {
  webhookId: string;
  limit: number;
  cursor?: string;
}

/** A webhook's deliveries, newest first, with every attempt. */
export async function listWebhookDeliveries(services: Services, workspaceId: string, input: DeliveryListInput) {
  await getWebhook(services, workspaceId, input.webhookId);
  const records = await listDeliveries(services.db, input.webhookId, input.limit + 1, input.cursor);
  const page = records.slice(0, input.limit);
  const nextCursor = records.length > input.limit ? (page.at(-1)?.delivery.id ?? null) : null;
  return { data: page.map(toApiDelivery), meta: { limit: input.limit, next_cursor: nextCursor } };
}

/**
 * Owes a delivery again, whatever became of it, and queues it for this webhook only. It keeps its
 * event id, so a receiver that already processed it can recognise the repeat.
 */
export async function retryDelivery(
  services: Services,
  workspaceId: string,
  input: { webhookId: string; deliveryId: string },
) {
  await getWebhook(services, workspaceId, input.webhookId);
  const reopened = await reopenDelivery(services.db, input.webhookId, input.deliveryId);
  if (!reopened) {
    if (!(await findDelivery(services.db, input.webhookId, input.deliveryId))) throw deliveryNotFound();
    throw new ApiError("conflict", "The delivery is being sent right now; try again in a moment.", {
      delivery_id: "is being sent",
    });
  }
  await services.eventQueue.send({ event_id: reopened.eventId, webhook_id: reopened.webhookId });
  const record = await findDelivery(services.db, input.webhookId, input.deliveryId);
  if (!record) throw deliveryNotFound();
  return toApiDelivery(record);
}
