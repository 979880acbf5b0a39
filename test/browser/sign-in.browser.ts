import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createKey, signIn, text, uploadViaApi, useBrowser, withPage } from "./browser-helpers.ts";
import { makePng } from "./media-files.ts";
import { stackFromEnv } from "./stack.ts";

const stack = stackFromEnv();
const TEST_TIMEOUT = { timeout: 60_000 };

describe("signing in and getting around", () => {
  const browser = useBrowser();

  it("signs in with the local default key, refuses a wrong one and signs out", TEST_TIMEOUT, async () => {
    await withPage(browser(), "sign-in", async (page) => {
      await page.goto(stack.baseUrl);
      assert.match(page.url(), /\/ui\/sign-in\?next=/);
      await page.getByLabel("API key").fill(`${stack.localKey}-wrong`);
      await page.getByRole("button", { name: "Sign in" }).click();
      assert.match(await text(page.getByRole("alert")), /That API key is not valid/);
      assert.deepEqual(await page.context().cookies(), []);

      await page.getByLabel("API key").fill(stack.localKey);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Assets", level: 1 }).waitFor();
      assert.match(await text(page.locator(".workspace")), /Workspace local/);
      const [cookie, ...others] = await page.context().cookies();
      assert.deepEqual(others, []);
      assert.equal(cookie?.name, "asset-session");
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, "Strict");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByText("You have signed out.").waitFor();
      assert.deepEqual(await page.context().cookies(), []);
      await page.goto(`${stack.baseUrl}/ui/assets`);
      assert.match(page.url(), /\/ui\/sign-in/);
    });
  });

  it("can be used with the keyboard alone", TEST_TIMEOUT, async () => {
    const key = await createKey(stack, "keyboard");
    const asset = await uploadViaApi(stack, key, {
      bytes: makePng(8, 8),
      fileName: "keys.png",
      contentType: "image/png",
    });
    await withPage(browser(), "keyboard", async (page) => {
      await signIn(page, stack, key);
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
      let focused = "";
      for (let presses = 0; presses < 20 && focused !== asset.file_name; presses++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
      }
      assert.equal(focused, asset.file_name, "the card's link is reachable with Tab");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: asset.file_name, level: 1 }).waitFor();
    });
  });
});
