import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../../src/db/client";
import { claimDelivery, ensureDeliveries } from "../../src/db/deliveries";
import worker from "../../src/index";
import { api, apiWithEnv, createWorkspace, json, uploadForm, withKey } from "../support/helpers";
import { accepted, createHook, receiverName, sleep, waitForAccepted, withoutQueue } from "../support/webhook-helpers";

const db = createDb(env.DB);

/**
 * An upload whose event stays in the outbox (the queue refuses it), and a delivery of it claimed
 * by a sender that then died mid-attempt: its claim runs WEBHOOK_TIMEOUT_MS plus the margin, as a
 * real sender's does, and nothing will ever record the attempt.
 */
async function deliveryLeftSending() {
  const { key } = await createWorkspace();
  const name = receiverName();
  const hook = await createHook(key, name);
  const upload = await apiWithEnv(withoutQueue, "/api/v1/assets", withKey(key, { method: "POST", body: uploadForm() }));
  expect(upload.status).toBe(201);
  const asset = (await json(upload)).data;
  const event = await env.DB.prepare("SELECT id FROM webhook_events WHERE asset_id = ?")
    .bind(asset.id)
    .first<{ id: string }>();
  if (!event) throw new Error("the upload wrote no outbox event");
  const [delivery] = await ensureDeliveries(db, event.id, [hook.id]);
  if (!delivery) throw new Error("no delivery was created");
  const claimedUntil = new Date(Date.now() + Number(env.WEBHOOK_TIMEOUT_MS) + 30_000);
  expect(await claimDelivery(db, delivery.id, claimedUntil)).not.toBeNull();
  return { key, name, hook, asset, eventId: event.id, deliveryId: delivery.id };
}

/** The dead sender's claim runs out (as it would WEBHOOK_TIMEOUT_MS plus the margin after it began). */
async function lapseClaim(deliveryId: string) {
  const past = new Date(Date.now() - 1000).toISOString();
  await env.DB.prepare("UPDATE webhook_deliveries SET claimed_until = ? WHERE id = ?").bind(past, deliveryId).run();
}

/** One copy of the event's message through the consumer: what it acknowledged, and the delay of any retry. */
async function consume(id: string, eventId: string, attempts: number) {
  const batch = createMessageBatch("asset-webhook-events", [
    { id, timestamp: new Date(), attempts, body: { event_id: eventId } },
  ]);
  const [message] = batch.messages;
  if (!message) throw new Error("the batch has no message");
  // The test runtime records that a message was retried but not its delay, so the call is watched too.
  const retry = vi.spyOn(message, "retry");
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryDelays: retry.mock.calls.map(([options]) => options?.delaySeconds) };
}

async function deliveryOf(key: string, hookId: string) {
  const [delivery] = (await json(await api(`/api/v1/webhooks/${hookId}/deliveries`, withKey(key)))).data;
  return delivery;
}

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("a delivery whose sender died mid-attempt", () => {
  it("is not acknowledged while the claim holds, and is reclaimed and sent once it has lapsed", async () => {
    const { key, name, hook, asset, eventId } = await deliveryLeftSending();

    // The queue's next copy of the message finds the delivery `sending`: it comes back after the claim.
    const held = await consume("copy-1", eventId, 2);
    expect(held.explicitAcks).toEqual([]);
    expect(held.retryMessages).toEqual([{ msgId: "copy-1" }]);
    // Not sooner than the claim runs out, although WEBHOOK_RETRY_DELAY_SECONDS is 0 here.
    const claimSeconds = (Number(env.WEBHOOK_TIMEOUT_MS) + 30_000) / 1000;
    expect(held.retryDelays).toHaveLength(1);
    expect(held.retryDelays[0]).toBeGreaterThanOrEqual(claimSeconds - 2);
    expect(held.retryDelays[0]).toBeLessThanOrEqual(claimSeconds + 2);
    expect(await accepted(name)).toEqual([]);
    expect((await deliveryOf(key, hook.id)).status).toBe("sending");

    await lapseClaim((await deliveryOf(key, hook.id)).id);
    const sent = await consume("copy-1", eventId, 3);
    expect(sent.explicitAcks).toEqual(["copy-1"]);
    expect(sent.retryMessages).toEqual([]);
    const [request] = await accepted(name);
    expect(request).toMatchObject({ id: eventId, verified: true });
    expect(request?.event).toMatchObject({ type: "asset.created", data: asset });
    expect(await deliveryOf(key, hook.id)).toMatchObject({ status: "succeeded", attempt_count: 1 });

    // A later copy finds it finished and is acknowledged without sending again.
    expect((await consume("copy-2", eventId, 1)).explicitAcks).toEqual(["copy-2"]);
    expect(await accepted(name)).toHaveLength(1);
  });

  it("can be redelivered by hand once its claim has lapsed, not while it holds", async () => {
    const { key, name, hook, eventId, deliveryId } = await deliveryLeftSending();
    const retryPath = `/api/v1/webhooks/${hook.id}/deliveries/${deliveryId}/retry`;

    const busy = await api(retryPath, withKey(key, { method: "POST" }));
    expect(busy.status).toBe(409);
    expect((await json(busy)).error.code).toBe("conflict");

    await lapseClaim(deliveryId);
    const retried = await api(retryPath, withKey(key, { method: "POST" }));
    expect(retried.status).toBe(202);
    expect((await json(retried)).data).toMatchObject({ id: deliveryId, status: "pending" });
    const [request] = await waitForAccepted(name, 1);
    expect(request).toMatchObject({ id: eventId, verified: true });
    await sleep(1000);
    expect(await accepted(name)).toHaveLength(1);
  });
});
