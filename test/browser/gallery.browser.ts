import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createKey, screenshotPath, signIn, text, uploadViaApi, useBrowser, withPage } from "./browser-helpers.ts";
import { makePng } from "./media-files.ts";
import { card, HOSTILE_NAME, uploadSamples } from "./samples.ts";
import { stackFromEnv } from "./stack.ts";

const stack = stackFromEnv();
const TEST_TIMEOUT = { timeout: 60_000 };

describe("the gallery", () => {
  const browser = useBrowser();

  it("shows three uploaded assets with a decoded thumbnail and loaded media metadata", TEST_TIMEOUT, async () => {
    const key = await createKey(stack, "gallery");
    const { image, audio, video } = await uploadSamples(stack, browser(), key);
    await withPage(browser(), "gallery", async (page) => {
      await signIn(page, stack, key);
      assert.equal(await page.locator("li.card").count(), 3);
      const thumbnail = page.locator(`${card(image)} img`);
      await thumbnail.waitFor();
      await page.waitForFunction(
        (img) => img instanceof HTMLImageElement && img.complete,
        await thumbnail.elementHandle(),
      );
      assert.equal(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth), 96);
      for (const media of [audio, video]) {
        const player = page.locator(`${card(media)} ${media.type}`);
        assert.equal(await player.getAttribute("preload"), "metadata");
        await page.waitForFunction(
          (element) => (element as HTMLMediaElement).readyState >= 1,
          await player.elementHandle(),
        );
      }
      const seconds = await page.locator(`${card(audio)} audio`).evaluate((a: HTMLAudioElement) => a.duration);
      assert.ok(Math.abs(seconds - 1) < 0.01, `audio duration ${seconds}`);
      assert.equal(await page.locator("#preview-problem").isHidden(), true);
      // Players sit above the card's link: clicking one plays, it does not navigate.
      await page.locator(`${card(audio)} audio`).click();
      assert.match(page.url(), /\/ui\/assets$/);
      assert.match(
        await text(page.locator(card(audio))),
        // A loaded machine may take a while to render; any recent relative time is right.
        /16 KB[\s\S]*elevenlabs[\s\S]*narrator[\s\S]*exec-1[\s\S]*(just now|\d+ seconds? ago|1 minute ago)/,
      );
      await page.screenshot({ path: screenshotPath("gallery"), fullPage: true });

      await page.setViewportSize({ width: 360, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.equal(overflow, 0, "no horizontal scrolling at 360 px");
      await page.screenshot({ path: screenshotPath("gallery-360px"), fullPage: true });
    });
  });

  it("narrows the grid by type, keeping the filter in the address", TEST_TIMEOUT, async () => {
    const key = await createKey(stack, "filters");
    const { image, audio } = await uploadSamples(stack, browser(), key);
    await withPage(browser(), "filters", async (page) => {
      await signIn(page, stack, key);
      await page.getByLabel("Type").selectOption("audio");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(/\/ui\/assets\?type=audio$/);
      assert.deepEqual(await page.locator("li.card").evaluateAll((cards) => cards.map((c) => c.dataset.assetId)), [
        audio.id,
      ]);

      await page.goto(`${stack.baseUrl}/ui/assets?type=image&provider=fal`);
      assert.deepEqual(await page.locator("li.card").evaluateAll((cards) => cards.map((c) => c.dataset.assetId)), [
        image.id,
      ]);
      assert.equal(await page.getByLabel("Provider").inputValue(), "fal");
      await page.getByRole("link", { name: "Clear" }).click();
      await page.waitForURL(/\/ui\/assets$/);
      assert.equal(await page.locator("li.card").count(), 3);
    });
  });

  it("renders a hostile file name as text", TEST_TIMEOUT, async () => {
    const key = await createKey(stack, "hostile");
    const asset = await uploadViaApi(stack, key, {
      bytes: makePng(8, 8),
      fileName: HOSTILE_NAME,
      contentType: "image/png",
    });
    assert.equal(asset.file_name, HOSTILE_NAME);
    await withPage(browser(), "hostile-name", async (page) => {
      const dialogs: string[] = [];
      page.on("dialog", async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await signIn(page, stack, key);
      const link = page.getByRole("link", { name: HOSTILE_NAME });
      assert.equal(await text(link), HOSTILE_NAME);
      assert.equal(await link.isVisible(), true);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      await link.click();
      assert.equal(await text(page.getByRole("heading", { level: 1 })), HOSTILE_NAME);
      assert.equal(await page.title(), `${HOSTILE_NAME} · Agent assets`);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.deepEqual(dialogs, []);
    });
  });
});
