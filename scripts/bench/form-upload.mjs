// `npm run bench:upload`: sends a large multipart form upload (scripts/bench/upload-bodies.mjs) to
// a `wrangler dev` of the Worker and samples the runtime's memory from /proc before and during it:
// twice in a row without Content-Length (as a client streaming a file sends it), then once with it
// (as curl -F and browsers send it). The same body also goes to a Worker that only reads it and
// drops it (scripts/bench/drain-worker.ts), read the cheapest way and with default reads: the
// runtime's own cost of taking in a body, apart from the service's. Imports of a file of the same
// size, with and without Content-Length, go through the same streaming path as the form's file.
// Writes bench-upload.json and its section of BENCHMARKS.md.
//   npm run bench:upload -- --mib=100 [--entry=path/to/other/src/index.ts --label=main]
// Everything listens on 127.0.0.1 on ports the system reports free, and is stopped on exit.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { parseArgs } from "node:util";
import { startLocalS3 } from "../local-s3.mjs";
import { killAll, startWrangler, stop } from "./processes.mjs";
import { seed } from "./seed.mjs";
import { formBody, startSourceServer } from "./upload-bodies.mjs";
import { writeUploadReport } from "./upload-report.mjs";
import { memoryOf, workerdRoles } from "./workerd.mjs";

const MiB = 1024 * 1024;
const DATA = ".data/bench-upload";
const STORAGE = {
  STORAGE_REGION: "us-east-1",
  STORAGE_BUCKET: "bench-uploads",
  STORAGE_ACCESS_KEY_ID: "bench-access-key",
  STORAGE_SECRET_KEY: "bench-secret-key",
};
const { values: args } = parseArgs({
  options: {
    mib: { type: "string", default: "100" },
    entry: { type: "string" },
    label: { type: "string", default: "this revision" },
    out: { type: "string", default: "bench-upload.json" },
    markdown: { type: "string", default: "BENCHMARKS.md" },
  },
});
const fileBytes = Number(args.mib) * MiB;
process.on("exit", killAll);
setTimeout(() => {
  console.error("bench:upload: gave up after 10 minutes");
  process.exit(1);
}, 600_000).unref();

async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  return port;
}

function sampler(pid) {
  const samples = [];
  const timer = setInterval(() => samples.push(memoryOf([pid])), 25);
  return {
    stop() {
      clearInterval(timer);
      samples.push(memoryOf([pid]));
      return {
        rss: Math.max(...samples.map((sample) => sample.rss)),
        anon: Math.max(...samples.map((sample) => sample.anon)),
      };
    },
  };
}

mkdirSync(DATA, { recursive: true });
const s3 = await startLocalS3({
  port: await freePort(),
  directory: `${DATA}/s3`,
  bucket: STORAGE.STORAGE_BUCKET,
  accessKeyId: STORAGE.STORAGE_ACCESS_KEY_ID,
  secretAccessKey: STORAGE.STORAGE_SECRET_KEY,
});
const source = await startSourceServer(fileBytes);
const apiKey = `ak_${randomBytes(32).toString("base64url")}`;
await seed({ persistTo: `${DATA}/d1`, count: 1, apiKey });
const round = (bytes) => Number((bytes / MiB).toFixed(1));

/**
 * The request for one upload: a form (the file in the body; to the drain Worker, read as `reads`
 * says) or an import of the source's file.
 */
function uploadRequest(url, { kind, withLength, reads }) {
  if (kind === "import") {
    const sourceUrl = `http://${source.host}/${withLength ? "known" : "chunked"}.mp4`;
    return new Request(`${url}/api/v1/assets/import`, {
      method: "POST",
      headers: { "x-api-key": apiKey, "content-type": "application/json" },
      body: JSON.stringify({ source_url: sourceUrl, provider: "bench" }),
    });
  }
  const boundary = `bench-${randomBytes(8).toString("hex")}`;
  const body = formBody(boundary, fileBytes);
  const headers = { "x-api-key": apiKey, "content-type": `multipart/form-data; boundary=${boundary}` };
  if (withLength) headers["content-length"] = String(body.length);
  const path = kind === "drain" ? `/?reads=${reads ?? "reused-buffer"}` : "/api/v1/assets";
  return new Request(`${url}${path}`, {
    method: "POST",
    headers,
    body: body.stream,
    duplex: "half",
  });
}

/** Sends one upload while sampling the runtime's memory; its figures over `idle`. */
async function upload(url, runtime, idle, options) {
  const sampling = sampler(runtime);
  const started = performance.now();
  const response = await fetch(uploadRequest(url, options));
  const answer = await response.json();
  const seconds = (performance.now() - started) / 1000;
  const peak = sampling.stop();
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(answer)}`);
  return {
    seconds: Number(seconds.toFixed(1)),
    idle_rss_mib: round(idle.rss),
    peak_rss_mib: round(peak.rss),
    growth_rss_mib: round(peak.rss - idle.rss),
    growth_anon_mib: round(peak.anon - idle.anon),
  };
}

/**
 * Starts the Worker at `entry` (the service when undefined), measures idle, then sends each of
 * `uploads` in turn in the same runtime, and returns their figures.
 */
async function measure(entry, uploads) {
  const { child, url } = await startWrangler({
    entry,
    port: 0,
    persistTo: `${DATA}/d1`,
    vars: {
      ...STORAGE,
      STORAGE_ENDPOINT: s3.endpoint,
      ADMIN_TOKEN: `bench-${randomBytes(16).toString("hex")}`,
      MAX_UPLOAD_BYTES: String(fileBytes + 16 * MiB),
      ALLOW_HTTP_IMPORTS: "true",
      IMPORT_ALLOWED_HOSTS: source.host,
    },
  });
  try {
    const { runtime } = workerdRoles(child.pid);
    // A small request first, so the Worker's code is loaded before idle is measured.
    await (await fetch(`${url}/health`)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = memoryOf([runtime]);
    const results = [];
    for (const options of uploads) results.push(await upload(url, runtime, idle, options));
    return results;
  } finally {
    await stop(child);
  }
}

let result;
try {
  const drain = new URL("./drain-worker.ts", import.meta.url).pathname;
  const form = { kind: "form", withLength: false };
  const [floor] = await measure(drain, [{ kind: "drain", withLength: false }]);
  const [defaultReads] = await measure(drain, [{ kind: "drain", withLength: false, reads: "default" }]);
  const [first, second] = await measure(args.entry, [form, form]);
  const [withLength] = await measure(args.entry, [{ kind: "form", withLength: true }]);
  const [importKnown] = await measure(args.entry, [{ kind: "import", withLength: true }]);
  const [importChunked] = await measure(args.entry, [{ kind: "import", withLength: false }]);
  result = {
    label: args.label,
    file_mib: Number(args.mib),
    date: new Date().toISOString(),
    upload: first,
    upload_with_length: withLength,
    second_upload: second,
    body_only: floor,
    body_only_default_reads: defaultReads,
    import_with_length: importKnown,
    import_without_length: importChunked,
    growth_over_body_only_mib: Number((first.growth_rss_mib - floor.growth_rss_mib).toFixed(1)),
  };
} finally {
  await Promise.all([s3.close(), source.close()]);
  rmSync(DATA, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
if (args.markdown) writeUploadReport(result, args.markdown);
