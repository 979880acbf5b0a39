import { describe, expect, it } from "vitest";
import { api, createWorkspace, json, uploadAsset, withKey } from "../support/helpers";
import { signedLifetime, WINDOW } from "../support/url-helpers";

describe("honest expiry", () => {
  it("stretches a URL by at most the smaller of SIGNED_URL_WINDOW and a tenth of expires_in", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    for (const expiresIn of [1, 9, 10, 60, 600, 3600, 86_400]) {
      const { data } = await json(
        await api(`/api/v1/assets/${asset.id}/signed-url?expires_in=${expiresIn}`, withKey(key)),
      );
      expect(signedLifetime(data.url) - expiresIn).toBe(Math.min(WINDOW, Math.floor(expiresIn / 10)));
    }
  });

  it("expires_in=1 gives a URL that storage refuses within 2 s", async () => {
    const { key } = await createWorkspace();
    const asset = await uploadAsset(key);
    const { data } = await json(await api(`/api/v1/assets/${asset.id}/signed-url?expires_in=1`, withKey(key)));
    const issued = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() - issued)));
    const refused = await fetch(data.url);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("expired");
  });
});
