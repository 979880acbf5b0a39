import { createServices } from "../services";
import { deliverEvent, giveUpEvent } from "../webhooks/deliver-event";
import { EventMessage } from "../webhooks/event-message";

/**
 * The queue consumer for webhook events and for their dead-letter queue (named with a `-dead`
 * suffix in wrangler.toml). Each message is acknowledged, or retried with backoff while a
 * receiver fails; after max_retries the queue moves it to the dead-letter queue.
 */
export async function queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const services = createServices(env, env.DB);
  const deadLetters = batch.queue.endsWith("-dead");
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = EventMessage.safeParse(message.body);
      if (!parsed.success) {
        console.error(JSON.stringify({ event: "webhook_message_dropped", id: message.id }));
        return message.ack();
      }
      if (deadLetters) {
        await giveUpEvent(services, parsed.data);
        return message.ack();
      }
      const outcome = await deliverEvent(services, parsed.data, message.attempts);
      if (outcome.done) return message.ack();
      message.retry({ delaySeconds: outcome.delaySeconds });
    }),
  );
}
