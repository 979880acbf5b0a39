import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { json } from "./helpers";
import { postJson } from "./ingest-helpers";
import type { ReceivedRequest } from "./webhook-receiver";

export interface ReceiverBehaviour {
  fail_first?: number;
  fail_status?: number;
  hang_first?: number;
}

/** A receiver endpoint of its own for each test, so counts never mix. */
export const receiverName = () => crypto.randomUUID();
export const hookUrl = (name: string) => `${env.TEST_RECEIVER_URL}/hook/${name}`;

/** Tells the receiver which secrets verify `name`'s deliveries and how to answer them. */
export async function configureReceiver(name: string, secrets: string[], behaviour: ReceiverBehaviour = {}) {
  const response = await fetch(`${env.TEST_RECEIVER_URL}/control/${name}`, {
    method: "POST",
    body: JSON.stringify({ secrets, ...behaviour }),
  });
  expect(response.status).toBe(204);
}

/** Registers a webhook pointing at the receiver's endpoint `name`, and gives the receiver its secret. */
export async function createHook(
  key: string,
  name: string,
  options: { events?: string[]; behaviour?: ReceiverBehaviour } = {},
) {
  const response = await postJson(key, "/api/v1/webhooks", { url: hookUrl(name), events: options.events });
  expect(response.status).toBe(201);
  const { data } = await json(response);
  await configureReceiver(name, [data.secret], options.behaviour);
  return data;
}

export async function received(name: string): Promise<ReceivedRequest[]> {
  return json(await fetch(`${env.TEST_RECEIVER_URL}/received/${name}`));
}

/** Requests the receiver accepted, with their parsed bodies. */
export async function accepted(name: string) {
  return (await received(name))
    .filter((request) => request.answered !== null && request.answered < 300)
    .map((request) => ({ ...request, event: JSON.parse(request.body) }));
}

/** Polls until `done` holds (deliveries travel through the queue), failing after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value: ${JSON.stringify(value).slice(0, 1000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const waitForAccepted = (name: string, count: number, timeoutMs?: number) =>
  waitFor(
    () => accepted(name),
    (requests) => requests.length >= count,
    timeoutMs,
  );

/** A queue binding whose sends fail, as a Queues outage would. */
const brokenQueue = {
  send: () => Promise.reject(new Error("queue unavailable")),
  sendBatch: () => Promise.reject(new Error("queue unavailable")),
};

/** The test environment with that queue: events stay in the outbox, for the test to deliver by hand. */
export const withoutQueue: Env = { ...env, WEBHOOK_EVENTS: brokenQueue as unknown as Queue };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
