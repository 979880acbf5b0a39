// Load runs: autocannon for a fixed time against a running Worker, with every response timed
// here (autocannon's own histogram has 1 ms resolution and skips non-2xx answers) and the
// runtime process's memory sampled while it runs. Runs of one scenario are merged afterwards.
import autocannon from "autocannon";
import { memoryOf } from "./workerd.mjs";

const MEMORY_SAMPLE_MS = 100;
const MiB = 2 ** 20;

/** Requests every path once, untimed, so a `warm` scenario measures what isolate caches hold. */
async function warmUp({ base, scenario, headers, connections }) {
  let next = 0;
  const worker = async () => {
    while (next < scenario.paths.length) {
      const response = await fetch(`${base}${scenario.paths[next++]}`, { headers });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
}

/**
 * One run of `scenario` ({ method, paths, body, warm, fresh }); `paths` are used round-robin.
 * `fresh` scenarios continue where their last run stopped, so no path repeats until all were used.
 */
export async function runLoad({ base, scenario, headers, duration, connections, runtimePid }) {
  if (scenario.warm) await warmUp({ base, scenario, headers, connections });
  let next = scenario.fresh ? (scenario.next ?? 0) : 0;
  const request = {
    method: scenario.method ?? "GET",
    headers: { ...headers, ...(scenario.body ? { "content-type": "application/json" } : {}) },
    ...(scenario.body ? { body: scenario.body } : {}),
    setupRequest: (req) => ({ ...req, path: scenario.paths[next++ % scenario.paths.length] }),
  };
  const latencies = [];
  const statuses = {};
  const before = memoryOf([runtimePid]);
  let peak = before;
  const sampler = setInterval(() => {
    const now = memoryOf([runtimePid]);
    if (now.anon > peak.anon) peak = now;
  }, MEMORY_SAMPLE_MS);

  const instance = autocannon({ url: base, connections, duration, requests: [request] });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  clearInterval(sampler);
  if (scenario.fresh) scenario.next = next;
  const after = memoryOf([runtimePid]);
  if (after.anon > peak.anon) peak = after;
  return {
    seconds: result.duration || duration,
    latencies,
    statuses,
    failures: result.errors + result.timeouts,
    memory: { before, peak, after },
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (value, digits = 3) => (value === null ? null : Number(value.toFixed(digits)));

/** Merges the runs of one scenario into throughput, latency percentiles and memory. */
export function summarize(runs, expectStatus) {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const statuses = {};
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  }
  const requests = latencies.length;
  const failures = runs.reduce((sum, run) => sum + run.failures, 0);
  const growth = runs.reduce((sum, run) => sum + Math.max(0, run.memory.after.anon - run.memory.before.anon), 0);
  const peak = runs.reduce(
    (max, run) => (run.memory.peak.anon > max.anon ? run.memory.peak : max),
    runs[0].memory.peak,
  );
  return {
    requests,
    seconds: round(seconds, 2),
    throughput_rps: round(requests / seconds, 1),
    latency_ms: {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      mean: round(requests ? latencies.reduce((sum, value) => sum + value, 0) / requests : null),
    },
    statuses,
    unexpected: requests - (statuses[expectStatus] ?? 0) + failures,
    memory: {
      runtime_anon_peak_mb: round(peak.anon / MiB, 1),
      runtime_rss_peak_mb: round(peak.rss / MiB, 1),
      // Heap the runtime kept after serving, spread over the requests (GC makes this rough).
      runtime_anon_growth_bytes_per_request: requests ? Math.round(growth / requests) : null,
    },
  };
}
