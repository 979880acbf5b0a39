import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AwsClient } from "aws4fetch";
import type { Page } from "playwright-core";
import { type ApiAsset, apiGet, createKey, uploadViaApi, useBrowser, withPage } from "./browser-helpers.ts";
import { makePng } from "./media-files.ts";
import { type Stack, stackFromEnv } from "./stack.ts";

const stack = stackFromEnv();
const TEST_TIMEOUT = { timeout: 60_000 };
const encoder = new TextEncoder();
const HOSTILE_SVG = encoder.encode(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'svg\')"><script>alert("svg script")</script></svg>',
);
const HOSTILE_HTML = encoder.encode("<!doctype html><script>alert('html')</script><p>hostile</p>");
// Long enough for an inline script to have run: it runs as the document parses.
const SETTLE_MS = 1500;

function storageClient(stack: Stack) {
  return new AwsClient({
    accessKeyId: stack.storage.accessKeyId,
    secretAccessKey: stack.storage.secretKey,
    region: stack.storage.region,
    service: "s3",
  });
}

/** The object's URL signed by hand with no response overrides: what storage serves on its own. */
async function bareSignedUrl(stack: Stack, storageKey: string): Promise<string> {
  const url = new URL(`${stack.storage.endpoint}/${stack.storage.bucket}/${storageKey}`);
  url.searchParams.set("X-Amz-Expires", "300");
  const signed = await storageClient(stack).sign(url.toString(), { method: "GET", aws: { signQuery: true } });
  return signed.url;
}

async function signedUrl(key: string, asset: ApiAsset): Promise<string> {
  const response = await apiGet(stack, key, `/assets/${asset.id}/signed-url?disposition=inline`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { data: { url: string } }).data.url;
}

/** Opens a URL as a user following a link would, and answers the dialogs its scripts opened. */
async function dialogsOpening(page: Page, url: string): Promise<string[]> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // An attachment starts a download instead of a page: goto then rejects, which is the point.
  await page.goto(url).catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
  return dialogs;
}

describe("hostile content opened from storage", () => {
  const browser = useBrowser();

  it("runs no script from a hostile SVG's signed URL (it would run unprotected)", TEST_TIMEOUT, async () => {
    const key = await createKey(stack, "hostile_svg");
    const svg = await uploadViaApi(stack, key, {
      bytes: HOSTILE_SVG,
      fileName: "logo.svg",
      contentType: "image/svg+xml",
    });
    await withPage(browser(), "hostile-svg-control", async (page) => {
      assert.notDeepEqual(await dialogsOpening(page, await bareSignedUrl(stack, svg.storage_key)), []);
    });
    await withPage(browser(), "hostile-svg", async (page) => {
      const url = await signedUrl(key, svg);
      assert.match(url, /response-content-disposition=attachment/);
      const downloading = page.waitForEvent("download");
      assert.deepEqual(await dialogsOpening(page, url), []);
      assert.equal((await downloading).suggestedFilename(), "logo.svg");
    });
  });

  it(
    "refuses a comma-typed upload, and runs no script from an object stored with such a type",
    TEST_TIMEOUT,
    async () => {
      const key = await createKey(stack, "hostile_comma");
      const form = new FormData();
      form.append("file", new File([HOSTILE_HTML], "page.png", { type: "image/png, text/html" }));
      const refused = await fetch(`${stack.baseUrl}/api/v1/assets`, {
        method: "POST",
        headers: { "X-API-Key": key },
        body: form,
      });
      assert.equal(refused.status, 415);
      // An object that carries such a header anyway (written before the rule, or by anything else that
      // reaches the bucket) under a valid image/png asset: its signed URL must still not run it.
      const png = await uploadViaApi(stack, key, {
        bytes: makePng(8, 8),
        fileName: "pic.png",
        contentType: "image/png",
      });
      const put = await storageClient(stack).fetch(
        `${stack.storage.endpoint}/${stack.storage.bucket}/${png.storage_key}`,
        {
          method: "PUT",
          headers: { "Content-Type": "image/png, text/html" },
          body: HOSTILE_HTML,
        },
      );
      assert.equal(put.status, 200);
      await withPage(browser(), "hostile-comma-control", async (page) => {
        assert.notDeepEqual(await dialogsOpening(page, await bareSignedUrl(stack, png.storage_key)), []);
      });
      await withPage(browser(), "hostile-comma", async (page) => {
        const url = await signedUrl(key, png);
        assert.match(url, /response-content-type=image%2Fpng/);
        assert.deepEqual(await dialogsOpening(page, url), []);
      });
    },
  );
});
