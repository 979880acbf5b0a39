// Per-operation signing costs inside the Workers runtime, timed from outside (see
// crypto-worker.ts): each round sends one request per operation, doing `n` of them, and one
// that does none; per-operation cost = (median(op) - median(none)) / n.
import { startWrangler, stop } from "./processes.mjs";

const OPERATIONS = ["floor", "presign", "naive", "signer"];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
  return performance.now() - started;
}

export async function measureWorkerCrypto({ port, n = 2000, rounds = 15 }) {
  const { child, url: base } = await startWrangler({ config: "scripts/bench/crypto-worker.toml", port });
  try {
    const times = Object.fromEntries(["none", ...OPERATIONS].map((name) => [name, []]));
    // Warm up every path (JIT, signing-key derivation) before timing.
    for (const name of OPERATIONS) await timed(`${base}/${name}?n=${n}`);
    for (let round = 0; round < rounds; round++) {
      for (const name of ["none", ...OPERATIONS]) times[name].push(await timed(`${base}/${name}?n=${n}`));
    }
    const none = median(times.none);
    const perOperationUs = Object.fromEntries(
      OPERATIONS.map((name) => [name, Number((((median(times[name]) - none) / n) * 1000).toFixed(3))]),
    );
    return { n, rounds, request_overhead_ms: Number(none.toFixed(3)), per_operation_us: perOperationUs };
  } finally {
    await stop(child);
  }
}
