// The packed client, as a user gets it: `npm pack`, install the tarball into an empty project, start
// the local default (scripts/dev.mjs on free ports, state in a temp dir) and drive it from plain Node
// scripts without a bundler: upload, list, sign, download, delete. Node 24 (npm's) and, when it is on
// PATH, the system Node (20+) both run it. Bounded in time; stops everything it started.
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const DEADLINE_MS = 300_000;
const work = await mkdtemp(join(tmpdir(), "client-pack-test-"));
let stack;

const deadline = setTimeout(() => finish(new Error(`gave up after ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);

async function finish(error) {
  clearTimeout(deadline);
  if (stack) await stopStack(stack);
  if (error) {
    const log = await readFile(join(work, "dev-server.log"), "utf8").catch(() => "");
    process.stderr.write(`${log.slice(-4000)}\n[client-pack-test] FAILED: ${error.stack ?? error}\n`);
    await rm(work, { recursive: true, force: true });
    process.exit(1);
  }
  await rm(work, { recursive: true, force: true });
  process.stdout.write("[client-pack-test] ok\n");
  process.exit(0);
}

function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  return once(server, "listening").then(() => {
    const { port } = server.address();
    return new Promise((resolve) => server.close(() => resolve(port)));
  });
}

async function packAndInstall() {
  const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", work], { cwd: root });
  const tarball = join(work, stdout.trim().split("\n").pop());
  const project = join(work, "consumer");
  await run("mkdir", ["-p", project]);
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: project });
  return project;
}

async function startStack() {
  const [port, s3Port] = [await freePort(), await freePort()];
  const dataDir = join(work, "data");
  const child = spawn(process.execPath, [join(root, "scripts", "dev.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), S3_PORT: String(s3Port), DATA_DIR: dataDir, INSPECTOR_PORT: "0" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The stack's output is shown only when something fails (wrangler is noisy when stopped).
  const log = createWriteStream(join(work, "dev-server.log"));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  while (
    !(await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`scripts/dev.mjs exited (${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const apiKey = (await readFile(join(dataDir, "local-api-key"), "utf8")).trim();
  return { child, baseUrl, apiKey };
}

async function stopStack({ child }) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const force = setTimeout(() => process.kill(-child.pid, "SIGKILL"), 20_000);
    await exited;
    clearTimeout(force);
  }
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}

// Runs in the consumer project: only the installed package and Node's globals.
const consumerScript = `
import { AssetServiceError, createClient } from "agent-asset-service/client";
const [baseUrl, apiKey] = process.argv.slice(2);
const fail = (message) => { throw new Error(message); };
const client = createClient({ baseUrl, apiKey });
const bytes = crypto.getRandomValues(new Uint8Array(4096));
const model = "pack-test-" + crypto.randomUUID();
const asset = await client.assets.upload({
  file: new File([bytes], "packed.png", { type: "image/png" }),
  model, prompt: "a packed client", config: { seed: 1 },
});
if (asset.provider !== "upload" || asset.model !== model || asset.config?.seed !== 1) fail("upload: " + JSON.stringify(asset));
const page = await client.assets.list({ model });
if (page.data.length !== 1 || page.data[0].id !== asset.id) fail("list: " + JSON.stringify(page.meta));
const signed = await client.assets.getSignedUrl(asset.id, { expires_in: 60 });
const downloaded = new Uint8Array(await (await fetch(signed.url)).arrayBuffer());
if (downloaded.length !== bytes.length || downloaded.some((byte, i) => byte !== bytes[i])) fail("download differs");
await client.assets.delete(asset.id);
const gone = await client.assets.get(asset.id).then(() => null, (error) => error);
if (!(gone instanceof AssetServiceError) || gone.status !== 404) fail("still there after delete");
console.log("node " + process.version + ": upload, list, sign, download, delete ok");
`;

async function otherNode() {
  const path = (process.env.PATH ?? "").split(":").filter((dir) => !dir.includes("node_modules"));
  const found = await run("which", ["node"], { env: { PATH: path.join(":") } }).then(
    ({ stdout }) => stdout.trim(),
    () => "",
  );
  return found && found !== process.execPath ? found : null;
}

try {
  const project = await packAndInstall();
  await writeFile(join(project, "use-client.mjs"), consumerScript);
  stack = await startStack();
  const nodes = [process.execPath, await otherNode()].filter(Boolean);
  for (const node of nodes) {
    const { stdout } = await run(node, ["use-client.mjs", stack.baseUrl, stack.apiKey], {
      cwd: project,
      timeout: 60_000,
    });
    process.stdout.write(`[client-pack-test] ${stdout}`);
  }
  await finish();
} catch (error) {
  await finish(error);
}
