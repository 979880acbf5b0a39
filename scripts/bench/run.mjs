// `npm run bench`: seeds local D1 databases of several sizes, runs the Worker on each with
// `wrangler dev`, loads it with autocannon, measures signing costs inside the runtime and in
// Node, then writes bench-results.json and the generated part of BENCHMARKS.md. Last it runs
// `npm run bench:upload` (form-upload.mjs), which writes its own section (--skip-upload: not).
//   npm run bench -- --sizes=10000,100000,1000000 --duration=8 --rounds=8 --connections=4
// (duration: seconds of load per scenario and size, split into `rounds` interleaved runs)
// Everything it starts listens on 127.0.0.1 and is stopped on exit, Ctrl-C or timeout.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { startLocalS3 } from "../local-s3.mjs";
import { measureWorkerCrypto } from "./crypto.mjs";
import { killAll, startWrangler, stop } from "./processes.mjs";
import { writeReport } from "./report.mjs";
import { loadAll, log } from "./rounds.mjs";
import { buildScenarios } from "./scenarios.mjs";
import { seed } from "./seed.mjs";
import { capacity } from "./storage-report.mjs";
import { evaluateTargets } from "./targets.mjs";
import { workerdRoles } from "./workerd.mjs";

const DATA = ".data/bench";
const STORAGE = {
  STORAGE_REGION: "us-east-1",
  STORAGE_BUCKET: "bench-assets",
  STORAGE_ACCESS_KEY_ID: "bench-access-key",
  STORAGE_SECRET_KEY: "bench-secret-key",
};

// The load scenarios send ~1,000 requests a second with one key, far past API_KEY_RATE_LIMIT: they
// measure the service, not the abuse limit, so wrangler dev runs a copy of wrangler.toml without the
// per-key limiter. Locally that binding is simulated by a Durable Object that writes SQLite on every
// request (about 1.2 ms of runtime CPU each here); Cloudflare's counts in memory beside the Worker.
// `--key-limit` keeps the binding, its limit lifted, to show what the local simulation costs.
// The copy sits beside the original, so its relative paths (main, migrations) still resolve.
const BENCH_CONFIG = ".wrangler-bench.toml";
const KEY_LIMIT_BLOCK = /\[\[ratelimits\]\]\nname = "API_KEY_RATE_LIMIT"[^[]*?limit = (\d+)[^\n]*\n/;

function writeBenchConfig(keepKeyLimit) {
  const original = readFileSync("wrangler.toml", "utf8");
  const block = KEY_LIMIT_BLOCK.exec(original);
  if (!block) throw new Error("wrangler.toml has no API_KEY_RATE_LIMIT binding");
  const replacement = keepKeyLimit ? block[0].replace(`limit = ${block[1]}`, "limit = 1000000000") : "";
  writeFileSync(BENCH_CONFIG, original.replace(block[0], replacement));
}

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    duration: { type: "string", default: "8" },
    rounds: { type: "string", default: "8" },
    connections: { type: "string", default: "4" },
    "max-minutes": { type: "string", default: "45" },
    out: { type: "string", default: "bench-results.json" },
    markdown: { type: "string", default: "BENCHMARKS.md" },
    // A comma-separated subset of scenario names, to look at a few quickly.
    scenarios: { type: "string" },
    // Another entry point for the same Worker, e.g. an older revision to compare against.
    entry: { type: "string" },
    // Keep the per-key rate limiter (limit lifted) instead of leaving it out.
    "key-limit": { type: "boolean", default: false },
    // Leave out the closing form-upload memory run (npm run bench:upload runs it alone).
    "skip-upload": { type: "boolean", default: false },
  },
});
const sizes = args.sizes.split(",").map(Number);
const duration = Number(args.duration);
const connections = Number(args.connections);
const rounds = Number(args.rounds);

let s3;
async function shutdown(code, message) {
  if (message) console.error(message);
  killAll();
  await s3?.close().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => shutdown(130, "bench: interrupted, stopping everything it started"));
process.on("SIGTERM", () => shutdown(143));
process.on("exit", killAll);
setTimeout(
  () => shutdown(1, `bench: gave up after ${args["max-minutes"]} minutes`),
  Number(args["max-minutes"]) * 60_000,
).unref();

function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model;
  return {
    nproc: os.availableParallelism(),
    cpu,
    memory_gb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    date: new Date().toISOString(),
    load_average_at_start: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
}

function nodePresign() {
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/bench/node-presign.ts", "5000", "5"], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`node-presign failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Seeds a database of `count` assets and serves it with its own `wrangler dev`. */
async function startInstance(count, port) {
  const persistTo = `${DATA}/d1-${count}`;
  const apiKey = `ak_${randomBytes(32).toString("base64url")}`;
  log(`seeding ${count} assets`);
  const seeded = await seed({ persistTo, count, apiKey });
  log(`seeded ${count} in ${(seeded.seconds.migrations + seeded.seconds.rows).toFixed(1)} s; starting wrangler dev`);
  writeBenchConfig(args["key-limit"]);
  const { child, url } = await startWrangler({
    config: BENCH_CONFIG,
    entry: args.entry,
    port,
    persistTo,
    vars: { ...STORAGE, STORAGE_ENDPOINT: s3.endpoint, ADMIN_TOKEN: `bench-${randomBytes(16).toString("hex")}` },
  });
  const { runtime } = workerdRoles(child.pid);
  const only = args.scenarios?.split(",");
  const scenarios = buildScenarios(count, seeded.ids, seeded.end).filter((s) => !only || only.includes(s.name));
  return { count, persistTo, child, url, runtime, headers: { "x-api-key": apiKey }, seeded, scenarios };
}

const started = performance.now();
mkdirSync(DATA, { recursive: true });
const results = {
  command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.replace(/ -- $/, ""),
  machine: machine(),
};
results.settings = { sizes, duration_s: duration, rounds, connections, key_limit: args["key-limit"] };

log("signing costs inside the Workers runtime");
results.worker_crypto = await measureWorkerCrypto({ port: 0 });
log(`per operation (us): ${JSON.stringify(results.worker_crypto.per_operation_us)}`);
log("signing costs in Node");
results.node_presign = nodePresign();
log(`per operation (us): ${JSON.stringify(results.node_presign.per_operation_us)}`);

s3 = await startLocalS3({
  port: 0,
  directory: `${DATA}/s3`,
  bucket: STORAGE.STORAGE_BUCKET,
  accessKeyId: STORAGE.STORAGE_ACCESS_KEY_ID,
  secretAccessKey: STORAGE.STORAGE_SECRET_KEY,
});
// Every server listens on a port the system reports free, so runs can overlap with other work.
const instances = [];
try {
  for (const count of sizes) instances.push(await startInstance(count, 0));
  results.sizes = await loadAll(instances, { duration, rounds, connections });
} finally {
  for (const instance of instances) {
    await stop(instance.child);
    rmSync(instance.persistTo, { recursive: true, force: true });
  }
  await s3.close();
  s3 = undefined;
}

results.machine.load_average_at_end = os.loadavg().map((value) => Number(value.toFixed(2)));
results.total_seconds = Number(((performance.now() - started) / 1000).toFixed(1));
results.targets = evaluateTargets(results);
results.capacity = capacity(results);
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
if (args.markdown) writeReport(results, args.markdown);
// Both files are committed, and the project formats JSON and Markdown with Biome.
const written = [args.out, args.markdown].filter(Boolean);
spawnSync("node_modules/.bin/biome", ["format", "--write", ...written], { stdio: "ignore" });
log(`done in ${results.total_seconds} s: ${written.join(" and ")} written`);
for (const target of results.targets)
  log(`${target.met === null ? "n/a " : target.met ? "PASS" : "MISS"} ${target.name}: ${target.detail}`);

if (!args["skip-upload"]) {
  const uploadArgs = [`--markdown=${args.markdown}`, ...(args.entry ? [`--entry=${args.entry}`] : [])];
  const upload = spawnSync(process.execPath, ["scripts/bench/form-upload.mjs", ...uploadArgs], { stdio: "inherit" });
  if (upload.status !== 0) process.exitCode = 1;
}
