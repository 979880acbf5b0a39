import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { api, apiWithEnv, createWorkspace, json, uploadAsset, uploadForm, withKey } from "../support/helpers";
import { runScheduledCleanup } from "../support/ingest-helpers";
import {
  accepted,
  createHook,
  received,
  receiverName,
  sleep,
  waitFor,
  waitForAccepted,
  withoutQueue,
} from "../support/webhook-helpers";

const deliveries = async (key: string, hookId: string) =>
  (await json(await api(`/api/v1/webhooks/${hookId}/deliveries?limit=100`, withKey(key)))).data;

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("webhook delivery retries", () => {
  it("gives a receiver that was down every event exactly once per event id once it is back", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    const hook = await createHook(key, name, { behaviour: { fail_first: 5, fail_status: 503 } });
    const assets = [await uploadAsset(key), await uploadAsset(key), await uploadAsset(key)];

    await waitForAccepted(name, 3, 25_000);
    await sleep(2000);
    const everything = await received(name);
    const ok = await accepted(name);
    expect(everything.filter((request) => request.answered === 503)).toHaveLength(5);
    expect(everything.every((request) => request.verified)).toBe(true);
    expect(ok.map((request) => request.event.data.id).sort()).toEqual(assets.map((asset) => asset.id).sort());
    expect(new Set(ok.map((request) => request.id)).size).toBe(3);
    // A retried request carries the same event id as the failed one.
    for (const request of everything) expect(ok.some((done) => done.id === request.id)).toBe(true);

    const history = await deliveries(key, hook.id);
    expect(history.map((delivery: { status: string }) => delivery.status)).toEqual([
      "succeeded",
      "succeeded",
      "succeeded",
    ]);
    const attempts = history.flatMap((delivery: { attempts: { response_status: number }[] }) => delivery.attempts);
    expect(attempts.filter((attempt: { response_status: number }) => attempt.response_status === 503)).toHaveLength(5);
    const retried = history.find((delivery: { attempt_count: number }) => delivery.attempt_count > 1);
    expect(retried.attempts[0].response_status).toBe(204);
    expect(retried.attempts.at(-1).response_status).toBe(503);
  }, 40_000);

  it("records a receiver that does not answer within WEBHOOK_TIMEOUT_MS, and tries again", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    const hook = await createHook(key, name, { behaviour: { hang_first: 1 } });
    await uploadAsset(key);
    await waitForAccepted(name, 1, 25_000);
    const [delivery] = await deliveries(key, hook.id);
    expect(delivery.status).toBe("succeeded");
    const timedOut = delivery.attempts.at(-1);
    expect(timedOut).toMatchObject({ response_status: null, error: `no answer within ${env.WEBHOOK_TIMEOUT_MS} ms` });
    expect(timedOut.duration_ms).toBeGreaterThanOrEqual(Number(env.WEBHOOK_TIMEOUT_MS) - 50);
  }, 40_000);

  it("sends from the outbox on the next cron run what the queue refused", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    await createHook(key, name);
    const response = await apiWithEnv(
      withoutQueue,
      "/api/v1/assets",
      withKey(key, { method: "POST", body: uploadForm() }),
    );
    expect(response.status).toBe(201);
    const asset = (await json(response)).data;
    await sleep(2000);
    expect(await received(name)).toEqual([]);

    // Events younger than a minute are left to the request that wrote them.
    await runScheduledCleanup(Date.now() + 2 * 60_000);
    const [request] = await waitForAccepted(name, 1);
    expect(request?.event).toMatchObject({ type: "asset.created", data: asset });
    await runScheduledCleanup(Date.now() + 3 * 60_000);
    await sleep(1500);
    expect(await accepted(name)).toHaveLength(1);
  }, 40_000);

  it("redelivers on request with the same event id", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    const hook = await createHook(key, name);
    await uploadAsset(key);
    const [first] = await waitForAccepted(name, 1);
    const [delivery] = await deliveries(key, hook.id);
    const retry = await api(
      `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/retry`,
      withKey(key, { method: "POST" }),
    );
    expect(retry.status).toBe(202);
    expect((await json(retry)).data).toMatchObject({ id: delivery.id, status: "pending" });
    const both = await waitForAccepted(name, 2);
    expect(both.map((request) => request.id)).toEqual([first?.id, first?.id]);
    const [after] = await waitFor(
      () => deliveries(key, hook.id),
      ([latest]) => latest.status === "succeeded" && latest.attempt_count === 2,
    );
    expect(after.attempts).toHaveLength(2);
  }, 40_000);

  it("fails what a dead-lettered message still owed, and keeps it redeliverable", async () => {
    const { key } = await createWorkspace();
    const name = receiverName();
    const hook = await createHook(key, name, { behaviour: { fail_first: 1000 } });
    await uploadAsset(key);
    const [pending] = await waitFor(
      () => deliveries(key, hook.id),
      (list) => list.length === 1 && list[0].attempt_count >= 1,
    );
    expect(pending.status).toBe("pending");
    expect(pending.next_retry_at).not.toBeNull();

    const batch = createMessageBatch("asset-webhook-events-dead", [
      { id: "dead-1", timestamp: new Date(), attempts: 1, body: { event_id: pending.event_id } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["dead-1"]);
    const [dead] = await deliveries(key, hook.id);
    expect(dead).toMatchObject({ status: "failed", next_retry_at: null });
    const again = await api(
      `/api/v1/webhooks/${hook.id}/deliveries/${dead.id}/retry`,
      withKey(key, { method: "POST" }),
    );
    expect(again.status).toBe(202);
    expect((await json(again)).data.status).toBe("pending");
  }, 40_000);
});
