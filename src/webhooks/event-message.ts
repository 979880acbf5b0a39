import { z } from "zod";

/** What travels through the queue: the event to deliver, and for a redelivery the one webhook. */
export const EventMessage = z.object({ event_id: z.string().min(1), webhook_id: z.string().min(1).optional() });
export type EventMessage = z.infer<typeof EventMessage>;
