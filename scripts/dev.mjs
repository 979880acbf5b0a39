// `npm start`: one command for a working local stack — D1 migrations, a local S3 server,
// a local API key, and `wrangler dev` — stopped together by Ctrl-C.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";
import KSUID from "ksuid";
import { startLocalS3 } from "./local-s3.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT || 8787);
const s3Port = Number(process.env.S3_PORT || 9000);
// DATA_DIR moves all local state — S3 objects, the local API key and (with --persist-to)
// wrangler's D1 database — out of the checkout, so a throwaway stack (the browser tests)
// never touches the developer's data. Unset, state stays in .data/ and .wrangler/state.
const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(root, ".data");
const persistArgs = process.env.DATA_DIR ? ["--persist-to", join(dataDir, "wrangler")] : [];
// wrangler's devtools port defaults to 9229 (and probes upwards); 0 picks any free one.
const inspectorArgs = process.env.INSPECTOR_PORT ? ["--inspector-port", process.env.INSPECTOR_PORT] : [];
// Run wrangler's JS entry with this Node (24) instead of whatever `wrangler` is on PATH.
const wranglerBin = join(root, "node_modules", "wrangler", "bin", "wrangler.js");

let child; // the wrangler process currently running, if any
let s3; // the local S3 server, once started
let stopping = false;

// Runs a one-off wrangler command (its errors go to stderr, which stays visible); a failure
// shuts everything down. stdin is not a TTY and CI=true, so wrangler never prompts.
function runWrangler(args, { quiet = false } = {}) {
  child = spawn(process.execPath, [wranglerBin, ...args], {
    cwd: root,
    env: { ...process.env, CI: "true" },
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
  });
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      if (stopping) return; // interrupted: stop() owns shutdown, the caller never resumes
      if (code === 0) return resolve();
      console.error(`[dev] wrangler ${args.slice(0, 3).join(" ")} failed (${signal ?? code})`);
      stop(1);
    });
  });
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGINT"); // lets wrangler shut down workerd itself
    await exited;
  }
  await s3?.close();
  process.exit(exitCode);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

// Fail fast if PORT is taken: wrangler would fail too, but only after the health check
// below may already have been answered by whatever holds the port.
try {
  const probe = createServer().listen(port, "127.0.0.1");
  await once(probe, "listening");
  probe.close();
} catch (err) {
  console.error(`[dev] cannot listen on 127.0.0.1:${port} (set PORT?): ${err.message}`);
  process.exit(1);
}

// 1. Local settings: .dev.vars comes from the committed template on first run.
const devVarsPath = join(root, ".dev.vars");
if (!existsSync(devVarsPath)) {
  copyFileSync(join(root, ".dev.vars.example"), devVarsPath);
  console.log("[dev] created .dev.vars from .dev.vars.example");
}
const vars = parseEnv(readFileSync(devVarsPath, "utf8"));
const bucket = vars.STORAGE_BUCKET || "assets";

// 2. Database schema.
await runWrangler(["d1", "migrations", "apply", "DB", "--local", ...persistArgs]);

// 3. Object storage.
try {
  s3 = await startLocalS3({
    port: s3Port,
    directory: join(dataDir, "s3"),
    bucket,
    accessKeyId: vars.STORAGE_ACCESS_KEY_ID,
    secretAccessKey: vars.STORAGE_SECRET_KEY,
  });
} catch (err) {
  console.error(`[dev] could not start local S3 on port ${s3Port} (set S3_PORT?): ${err.message}`);
  process.exit(1);
}
console.log(`[dev] local S3 listening on ${s3.endpoint}`);

// 4. A stable API key for workspace "local", generated once and kept in .data/ (or DATA_DIR).
const keyPath = join(dataDir, "local-api-key");
if (!existsSync(keyPath)) {
  mkdirSync(dirname(keyPath), { recursive: true });
  writeFileSync(keyPath, `ak_${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
}
const apiKey = readFileSync(keyPath, "utf8").trim();
const keyHash = createHash("sha256").update(apiKey, "utf8").digest("hex");
// Every value below is [A-Za-z0-9_:.-] only, so plain quoting is safe.
// INSERT OR IGNORE hits the unique key_hash index on re-runs; the UPDATE revives a key that
// was revoked through the API, so the key printed below always works.
const sql = `INSERT OR IGNORE INTO api_keys (id, workspace_id, name, key_hash, key_prefix, created_at, revoked_at)
  VALUES ('${KSUID.randomSync().string}', 'local', 'local default', '${keyHash}', '${apiKey.slice(0, 11)}', '${new Date().toISOString()}', NULL);
UPDATE api_keys SET revoked_at = NULL WHERE key_hash = '${keyHash}' AND revoked_at IS NOT NULL;`;
await runWrangler(["d1", "execute", "DB", "--local", ...persistArgs, "--command", sql], { quiet: true });

// 5. The Worker. STORAGE_ENDPOINT goes in with --var (it beats .dev.vars), so the Worker
// always talks to the S3 server started above, whatever S3_PORT and .dev.vars say.
const storageEndpoint = `http://127.0.0.1:${s3Port}`;
child = spawn(
  process.execPath,
  [
    wranglerBin,
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--var",
    `STORAGE_ENDPOINT:${storageEndpoint}`,
    // Serves /__scheduled, so the cleanup cron can be fired by hand (see the banner).
    "--test-scheduled",
    ...persistArgs,
    ...inspectorArgs,
  ],
  { cwd: root, stdio: "inherit" },
);
// wrangler quit by itself ([x] hotkey, crash, port clash): take S3 down and pass its code on.
child.on("exit", (code) => stop(code ?? 1));

// 6. Banner once the Worker answers anything at all (even a 404 means it is up).
const baseUrl = `http://127.0.0.1:${port}`;
let up = false;
for (const deadline = Date.now() + 60_000; !up && !stopping && Date.now() < deadline; ) {
  up = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (!up) await new Promise((resolve) => setTimeout(resolve, 500));
}
if (up && !stopping) {
  console.log(`
──────────────────────────────────────────────────────────────────────
  Asset service running at  ${baseUrl}
  Asset browser             ${baseUrl}/ui (sign in with the key below)
  Admin token               ${vars.ADMIN_TOKEN}
  Local API key (workspace "local")
                            ${apiKey}
  Local S3                  ${s3.endpoint} (bucket "${bucket}")

  curl -H "X-API-Key: ${apiKey}" ${baseUrl}/api/v1/assets
  Cleanup now               curl "${baseUrl}/__scheduled?cron=*/15+*+*+*+*"
                            curl -X POST -H "Authorization: Bearer ${vars.ADMIN_TOKEN}" ${baseUrl}/api/v1/admin/maintenance
──────────────────────────────────────────────────────────────────────`);
} else if (!stopping) {
  console.warn(`[dev] ${baseUrl}/health did not answer within 60 s; wrangler is still running.`);
}
