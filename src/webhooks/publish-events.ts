import { markEventsSent, unsentEvents } from "../db/outbox";
import type { Services } from "../services";

// Queues accept at most 100 messages per sendBatch.
const MESSAGES_PER_SEND = 100;
// Events younger than this may still be sent by the request that wrote them.
const RELAY_AFTER_MS = 60_000;

type Publisher = Pick<Services, "db" | "eventQueue">;

/**
 * Sends committed outbox events to the queue and marks them sent. A failure is logged, not thrown:
 * the change itself is committed, and the cron sends whatever is still unsent.
 */
export async function publishEvents({ db, eventQueue }: Publisher, eventIds: string[]): Promise<number> {
  let sent = 0;
  for (let start = 0; start < eventIds.length; start += MESSAGES_PER_SEND) {
    const chunk = eventIds.slice(start, start + MESSAGES_PER_SEND);
    try {
      await eventQueue.sendBatch(chunk.map((id) => ({ body: { event_id: id } })));
      await markEventsSent(db, chunk);
      sent += chunk.length;
    } catch (error) {
      console.error(JSON.stringify({ event: "webhook_send_deferred", events: chunk.length, error: String(error) }));
    }
  }
  return sent;
}

/** The cron's part: sends events whose queue send failed (or whose request died before it). */
export async function relayOutbox(publisher: Publisher, limit: number, now = new Date()): Promise<number> {
  const unsent = await unsentEvents(publisher.db, limit, new Date(now.getTime() - RELAY_AFTER_MS));
  return publishEvents(
    publisher,
    unsent.map((row) => row.id),
  );
}
