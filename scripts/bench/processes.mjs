// Starts and stops the bench's servers. Every child runs in its own process group, so
// stopping it also stops what it spawned (wrangler runs workerd), and nothing else.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";

const BIN = new URL("../../node_modules/.bin/", import.meta.url).pathname;
const running = new Set();

/** Spawns `command` from node_modules/.bin in a new process group, collecting its output. */
export function start(command, args, { env = {} } = {}) {
  const child = spawn(`${BIN}${command}`, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", ...env },
  });
  child.output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (text) => {
      child.output = (child.output + text).slice(-20_000);
    });
  }
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}

export async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Synchronous, for exit handlers: whatever is still running gets SIGKILL. */
export function killAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
}

/** A port the system reports free, for servers that cannot listen on port 0 themselves. */
async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

/** Polls `url` until it answers (any status), or fails with the child's output. */
async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${child.output}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.output}`);
}

/**
 * `wrangler dev` on 127.0.0.1 (port 0: one the system reports free), with `vars` passed as
 * --var (secrets included). Logs only errors: per-request logging would load the machine.
 */
export async function startWrangler({ config, entry, port, persistTo, vars = {} }) {
  const chosen = port === 0 ? await freePort() : port;
  const args = [
    "dev",
    ...(entry ? [entry] : []),
    "--ip",
    "127.0.0.1",
    "--port",
    String(chosen),
    "--inspector-port",
    "0",
    "--log-level",
    "error",
  ];
  args.push("--show-interactive-dev-session=false");
  if (config) args.push("--config", config);
  if (persistTo) args.push("--persist-to", persistTo);
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const child = start("wrangler", args);
  const url = `http://127.0.0.1:${chosen}`;
  await waitForHttp(`${url}/`, child);
  return { child, url };
}

/** The D1 SQLite file wrangler keeps under a --persist-to directory. */
export function d1File(persistTo) {
  const directory = `${persistTo}/v3/d1/miniflare-D1DatabaseObject`;
  const file = readdirSync(directory).find((name) => /^[0-9a-f]{64}\.sqlite$/.test(name));
  if (!file) throw new Error(`no D1 database under ${directory}`);
  return `${directory}/${file}`;
}
