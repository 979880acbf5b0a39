import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
/** Screenshots and the dev server's log; emptied at the start of each run. */
export const RESULTS_DIR = join(ROOT, "test-results", "browser");

// Dedicated ports, so the suite can run next to a developer's `npm start` (8787/9000); BROWSER_TEST_PORT
// and BROWSER_TEST_S3_PORT move them, e.g. when two checkouts run their suites side by side.
const PORT = Number(process.env.BROWSER_TEST_PORT || 8788);
const S3_PORT = Number(process.env.BROWSER_TEST_S3_PORT || 9188);
// Generous: on a loaded machine (several test runs side by side) wrangler dev alone can take two minutes.
const STARTUP_TIMEOUT_MS = 300_000;
const SHUTDOWN_TIMEOUT_MS = 20_000;

export interface Stack {
  baseUrl: string;
  adminToken: string;
  /** The key `npm start` creates for the workspace "local". */
  localKey: string;
  storage: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretKey: string };
}

// The global setup starts one stack; the test files, run in child processes, find it here.
const STACK_ENV = "ASSET_UI_TEST_STACK";

export function stackFromEnv(): Stack {
  const value = process.env[STACK_ENV];
  if (!value) throw new Error(`${STACK_ENV} is not set: run the browser tests with npm run test:browser`);
  return JSON.parse(value) as Stack;
}

export function publishStack(stack: Stack) {
  process.env[STACK_ENV] = JSON.stringify(stack);
}

/**
 * Starts the local default exactly as `npm start` does (scripts/dev.mjs: local D1, local S3,
 * wrangler dev), with all its state in a throwaway DATA_DIR. Its output goes to
 * test-results/browser/dev-server.log. `stop()` ends the launcher and everything it started.
 */
export async function startStack(): Promise<Stack & { stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), "asset-ui-browser-"));
  await rm(RESULTS_DIR, { recursive: true, force: true });
  await mkdir(RESULTS_DIR, { recursive: true });
  const log = createWriteStream(join(RESULTS_DIR, "dev-server.log"));
  const child = spawn(process.execPath, [join(ROOT, "scripts", "dev.mjs")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), S3_PORT: String(S3_PORT), DATA_DIR: dataDir, INSPECTOR_PORT: "0" },
    // Its own process group, so the launcher, wrangler and workerd can be stopped together.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // Whatever ends this process, the stack goes with it.
  const killGroup = () => signalGroup(child, "SIGKILL");
  const interrupted = (signal: NodeJS.Signals) => {
    killGroup();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("exit", killGroup);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  const stop = async () => {
    process.off("exit", killGroup);
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await stopGroup(child);
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(baseUrl, child);
    const vars = parseEnv(await readFile(join(ROOT, ".dev.vars"), "utf8"));
    return {
      baseUrl,
      adminToken: vars.ADMIN_TOKEN ?? "",
      localKey: (await readFile(join(dataDir, "local-api-key"), "utf8")).trim(),
      storage: {
        endpoint: `http://127.0.0.1:${S3_PORT}`,
        bucket: vars.STORAGE_BUCKET || "assets",
        region: vars.STORAGE_REGION || "auto",
        accessKeyId: vars.STORAGE_ACCESS_KEY_ID ?? "",
        secretKey: vars.STORAGE_SECRET_KEY ?? "",
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `scripts/dev.mjs exited early (${child.exitCode ?? child.signalCode}); see test-results/browser/dev-server.log`,
      );
    }
    const healthy = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${baseUrl}/health did not answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM lets dev.mjs shut wrangler and S3 down in order; SIGKILL to the group if it hangs. */
async function stopGroup(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), SHUTDOWN_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  // Anything the launcher left behind in its group (e.g. after a crash) goes too.
  signalGroup(child, "SIGKILL");
}
