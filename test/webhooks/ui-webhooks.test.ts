import { describe, expect, it } from "vitest";
import { createWorkspace, uploadAsset } from "../support/helpers";
import { asSignedIn, page } from "../support/ui-helpers";
import { createHook, receiverName, waitFor, waitForAccepted } from "../support/webhook-helpers";

async function webhooksHtml(key: string) {
  const response = await page("/ui/webhooks", asSignedIn(key));
  expect(response.status).toBe(200);
  return response.text();
}

describe("the webhooks page", () => {
  it("shows the workspace's webhooks with their recent deliveries, linked from the gallery", async () => {
    const { key } = await createWorkspace();
    const stranger = await createWorkspace();
    const name = receiverName();
    const hook = await createHook(key, name, { events: ["asset.created"] });
    await uploadAsset(key);
    await waitForAccepted(name, 1);

    const gallery = await (await page("/ui/assets", asSignedIn(key))).text();
    expect(gallery).toContain('href="/ui/webhooks"');
    const html = await waitFor(
      () => webhooksHtml(key),
      (text) => text.includes("delivery-succeeded"),
    );
    expect(html).toContain(hook.url);
    expect(html).toContain("asset.created");
    expect(html).toContain("<td>204</td>");
    expect(html).not.toContain(hook.secret);
    expect(await webhooksHtml(stranger.key)).not.toContain(hook.url);
    expect(await webhooksHtml(stranger.key)).toContain("No webhooks yet");
  });

  it("sends people who are not signed in to sign in", async () => {
    const response = await page("/ui/webhooks");
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toContain("/ui/sign-in");
  });
});
