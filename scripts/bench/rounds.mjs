// Load in rounds: every scenario on every running instance, in short runs that alternate
// between the instances, so noise from other work on the machine falls on all sizes alike.
import { runLoad, summarize } from "./load.mjs";
import { workerdRoles } from "./workerd.mjs";

/** Looked up for every run: the runtime process found at start-up may have been replaced since. */
function currentRuntime(instance) {
  try {
    return workerdRoles(instance.child.pid).runtime;
  } catch {
    return instance.runtime;
  }
}

export const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/**
 * Sequential requests before any load: JIT, D1 page cache, whether an optional route exists,
 * and a sample answer (for meta.total).
 */
async function probe(instance, scenario) {
  let response;
  let text = "";
  for (let i = 0; i < 20; i++) {
    response = await fetch(`${instance.url}${scenario.paths[i % scenario.paths.length]}`, {
      method: scenario.method ?? "GET",
      headers: { ...instance.headers, ...(scenario.body ? { "content-type": "application/json" } : {}) },
      body: scenario.body,
    });
    text = await response.text();
  }
  let meta;
  try {
    meta = JSON.parse(text).meta;
  } catch {}
  return { status: response.status, available: !scenario.optional || response.status === scenario.expectStatus, meta };
}

/** Runs every scenario on every instance in `rounds` runs, each `duration / rounds` seconds long. */
export async function loadAll(instances, { duration, rounds, connections }) {
  const results = instances.map(() => ({}));
  const runs = instances.map(() => ({}));
  for (const [index, instance] of instances.entries()) {
    for (const scenario of instance.scenarios) {
      const probed = await probe(instance, scenario);
      results[index][scenario.name] = {
        label: scenario.label,
        available: probed.available,
        probe_status: probed.status,
      };
      if (probed.meta) results[index][scenario.name].meta = probed.meta;
      runs[index][scenario.name] = [];
      if (!probed.available) log(`${instance.count} ${scenario.name}: not available (answered ${probed.status})`);
    }
  }
  const perRound = duration / rounds;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? instances : [...instances].reverse();
    for (const [position, scenario] of instances[0].scenarios.entries()) {
      for (const instance of order) {
        const index = instances.indexOf(instance);
        if (!results[index][scenario.name].available) continue;
        const run = await runLoad({
          base: instance.url,
          scenario: instance.scenarios[position],
          headers: instance.headers,
          duration: perRound,
          connections,
          runtimePid: currentRuntime(instance),
        });
        runs[index][scenario.name].push(run);
      }
    }
    log(`round ${round + 1} of ${rounds} done`);
  }
  return instances.map((instance, index) => {
    const scenarios = {};
    for (const scenario of instance.scenarios) {
      const result = results[index][scenario.name];
      scenarios[scenario.name] = result.available
        ? { ...result, ...summarize(runs[index][scenario.name], scenario.expectStatus) }
        : result;
      if (result.available) {
        const s = scenarios[scenario.name];
        log(
          `${instance.count} ${scenario.name}: ${s.throughput_rps} req/s, p50 ${s.latency_ms.p50} ms, p99 ${s.latency_ms.p99} ms` +
            (s.unexpected ? `, ${s.unexpected} unexpected answers ${JSON.stringify(s.statuses)}` : ""),
        );
      }
    }
    return {
      count: instance.count,
      seed_seconds: instance.seeded.seconds,
      storage: instance.seeded.storage,
      scenarios,
    };
  });
}
