import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import {
  apiGet,
  createKey,
  screenshotPath,
  signIn,
  storageStatus,
  text,
  useBrowser,
  withPage,
} from "./browser-helpers.ts";
import { card, uploadSamples } from "./samples.ts";
import { stackFromEnv } from "./stack.ts";

const stack = stackFromEnv();
const TEST_TIMEOUT = { timeout: 60_000 };

describe("an asset's page", () => {
  const browser = useBrowser();

  it("opens an asset, copies a fresh signed URL and downloads the exact bytes", TEST_TIMEOUT, async () => {
    const key = await createKey(stack, "detail");
    const { png, image } = await uploadSamples(stack, browser(), key);
    await withPage(browser(), "detail", async (page) => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.baseUrl });
      await signIn(page, stack, key);
      // The whole card opens the asset: a click on the thumbnail lands on the card's link.
      const thumbnail = await page.locator(`${card(image)} img`).boundingBox();
      assert.ok(thumbnail);
      await page.mouse.click(thumbnail.x + thumbnail.width / 2, thumbnail.y + thumbnail.height / 2);
      await page.getByRole("heading", { name: image.file_name, level: 1 }).waitFor();
      assert.match(await text(page.locator("pre")), /^\{\n {2}"prompt": "a sunset"\n\}$/);
      const preview = page.locator(".large-preview img");
      await page.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, await preview.elementHandle());
      await page.screenshot({ path: screenshotPath("detail"), fullPage: true });

      await page.getByRole("button", { name: "Copy signed URL" }).click();
      await page.getByText(/Signed URL copied\. It works until/).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(await page.getByLabel("Signed URL").inputValue(), copied);
      const fetched = await fetch(copied);
      assert.deepEqual(new Uint8Array(await fetched.arrayBuffer()), png);

      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download" }).click();
      const download = await downloading;
      assert.equal(download.suggestedFilename(), "sunset (final).png");
      assert.deepEqual(new Uint8Array(await readFile(await download.path())), png);
    });
  });

  it("deletes after confirmation: the card and the stored object are gone", TEST_TIMEOUT, async () => {
    const key = await createKey(stack, "delete");
    const { image, audio } = await uploadSamples(stack, browser(), key);
    const signed = (await (await apiGet(stack, key, `/assets/${audio.id}/signed-url`)).json()) as {
      data: { url: string };
    };
    assert.equal((await fetch(signed.data.url)).status, 200);
    assert.equal(await storageStatus(stack, audio.storage_key), 200);
    await withPage(browser(), "delete", async (page) => {
      await signIn(page, stack, key);
      await page.getByRole("link", { name: audio.file_name }).click();
      await page.getByRole("link", { name: "Delete…" }).click();
      await page.getByRole("heading", { name: `Delete “${audio.file_name}”?` }).waitFor();
      await page.getByRole("button", { name: "Delete permanently" }).click();
      await page.waitForURL(/\/ui\/assets$/);
      await page.getByText(`Deleted “${audio.file_name}”.`).waitFor();
      assert.equal(await page.locator(card(audio)).count(), 0);
      assert.equal(await page.locator(card(image)).count(), 1);
      assert.equal(await page.locator("li.card").count(), 2);
    });
    assert.equal((await apiGet(stack, key, `/assets/${audio.id}`)).status, 404);
    assert.equal(await storageStatus(stack, audio.storage_key), 404);
    assert.equal((await fetch(signed.data.url)).status, 404);
  });
});
