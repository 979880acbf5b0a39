import { describe, expect, it } from "vitest";
import { clientFor, failure } from "../support/client-helpers";
import { createWorkspace, uploadAsset } from "../support/helpers";
import { configureReceiver, hookUrl, receiverName, waitFor, waitForAccepted } from "../support/webhook-helpers";

describe("the typed client's webhooks", () => {
  it("creates, reads, rotates, lists deliveries, redelivers and deletes", async () => {
    const { key } = await createWorkspace();
    const { webhooks } = clientFor(key);
    const name = receiverName();
    const created = await webhooks.create({ url: hookUrl(name), events: ["asset.created"] });
    expect(created.secret).toMatch(/^whsec_/);
    await configureReceiver(name, [created.secret]);
    const { secret: _secret, ...shown } = created;
    expect(await webhooks.get(created.id)).toEqual(shown);
    expect(await webhooks.list()).toEqual([shown]);

    const asset = await uploadAsset(key);
    await waitForAccepted(name, 1);
    const page = await waitFor(
      () => webhooks.listDeliveries(created.id, { limit: 10 }),
      ({ data }) => data[0]?.status === "succeeded",
    );
    expect(page.meta).toEqual({ limit: 10, next_cursor: null });
    expect(page.data[0]).toMatchObject({ event_type: "asset.created", response_status: 204, attempt_count: 1 });
    const again = await webhooks.retryDelivery(created.id, page.data[0]?.id ?? "");
    expect(again.status).toBe("pending");
    const [, second] = await waitForAccepted(name, 2);
    expect(second?.event.data.id).toBe(asset.id);

    const rotated = await webhooks.rotateSecret(created.id);
    expect(rotated.secret).not.toBe(created.secret);
    await webhooks.delete(created.id);
    expect((await failure(webhooks.get(created.id))).status).toBe(404);
  });
});
