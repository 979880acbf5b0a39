import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before } from "node:test";
import { AwsClient } from "aws4fetch";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { RESULTS_DIR, type Stack } from "./stack.ts";

/** Debian's package (.ci/run installs it); CHROMIUM_PATH points elsewhere, e.g. on a Mac. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Debian's Chromium. Playwright gives every launch a fresh profile of its own (a mkdtemp
 * --user-data-dir, removed on close) and refuses one passed in `args`.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run "sudo apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Launches Chromium before this file's tests and closes it after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("Chromium did not start");
    return browser;
  };
}

/** A fresh workspace and key for one test, so tests share nothing. */
export async function createKey(stack: Stack, workspaceId: string): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/api/v1/admin/api-keys`, {
    method: "POST",
    headers: { Authorization: `Bearer ${stack.adminToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ workspace_id: `${workspaceId}_${Date.now().toString(36)}`, name: "browser test" }),
  });
  if (response.status !== 201) throw new Error(`creating a key failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { key: string } }).data.key;
}

export interface ApiAsset {
  id: string;
  file_name: string;
  storage_key: string;
  type: string;
}

export async function uploadViaApi(
  stack: Stack,
  key: string,
  file: { bytes: Uint8Array<ArrayBuffer>; fileName: string; contentType: string; fields?: Record<string, string> },
): Promise<ApiAsset> {
  const form = new FormData();
  form.append("file", new File([file.bytes], file.fileName, { type: file.contentType }));
  for (const [name, value] of Object.entries(file.fields ?? {})) form.append(name, value);
  const response = await fetch(`${stack.baseUrl}/api/v1/assets`, {
    method: "POST",
    headers: { "X-API-Key": key },
    body: form,
  });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: ApiAsset }).data;
}

export function apiGet(stack: Stack, key: string, path: string): Promise<Response> {
  return fetch(`${stack.baseUrl}/api/v1${path}`, { headers: { "X-API-Key": key } });
}

/** Asks the local S3 server itself, with SigV4, whether it still holds an object. */
export async function storageStatus(stack: Stack, storageKey: string): Promise<number> {
  const s3 = new AwsClient({
    accessKeyId: stack.storage.accessKeyId,
    secretAccessKey: stack.storage.secretKey,
    region: stack.storage.region,
    service: "s3",
  });
  const response = await s3.fetch(`${stack.storage.endpoint}/${stack.storage.bucket}/${storageKey}`, {
    method: "HEAD",
  });
  return response.status;
}

/**
 * Runs `body` in a fresh browser context (its own cookies). Collects page errors and CSP
 * violations, which fail the test; on failure saves a screenshot next to the others.
 */
export async function withPage(browser: Browser, name: string, body: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  try {
    await body(page);
    if (problems.length > 0) throw new Error(`problems in the page:\n${problems.join("\n")}`);
  } catch (error) {
    await page.screenshot({ path: join(RESULTS_DIR, `failure-${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

export async function signIn(page: Page, stack: Stack, key: string) {
  await page.goto(`${stack.baseUrl}/ui/sign-in`);
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Assets", level: 1 }).waitFor();
}

/** The element's text; a missing element fails the test on its own timeout. */
export async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}

export function screenshotPath(name: string): string {
  return join(RESULTS_DIR, `${name}.png`);
}
