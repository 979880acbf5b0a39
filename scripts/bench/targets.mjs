// The targets of the benchmark, as ratios within one run (the machine is shared and noisy).
const SIGNED_URL_SHARE = 0.8;
const GET_ONE_SHARE = 0.7;
const SIGNING_OVER_FLOOR = 4;
const LATENCY_GROWTH = 1.5;
const MEMORY_GROWTH = 1.25;
const DEEP_PAGE_OVER_FIRST = 4;

const LISTINGS = [
  ["list_cursor_deep", "cursor listing"],
  ["filter_type", "filter type"],
  ["filter_provider", "filter provider"],
  ["filter_execution_id", "filter execution_id"],
  ["filter_agent_id", "filter agent_id"],
  ["filter_created_after", "filter created_after"],
  ["filter_created_before", "filter created_before"],
  ["filter_model", "filter model"],
];
const PAGE_LISTINGS = [
  ["list_first_page", "page-number listing, first page (meta.total)"],
  ["list_page_fixed", "page-number listing, page 250 (meta.total)"],
];

const fixed = (value, digits = 2) => Number(value.toFixed(digits));

/**
 * `margin` is the headroom as a share of the limit: positive when met, negative by how much
 * it was missed (e.g. -0.2 = 20% past the limit).
 */
function target(name, comparison, limit, measured, detail) {
  if (measured === null) return { name, limit: `${comparison} ${limit}`, measured, met: null, margin: null, detail };
  const met = comparison === ">=" ? measured >= limit : comparison === "<" ? measured < limit : measured <= limit;
  const margin = comparison === ">=" ? (measured - limit) / limit : (limit - measured) / limit;
  return { name, limit: `${comparison} ${limit}`, measured, met, margin: fixed(margin, 3), detail };
}

function scenario(size, name) {
  const found = size?.scenarios?.[name];
  return found?.available ? found : undefined;
}

export function evaluateTargets(results) {
  const targets = [];
  const ordered = [...(results.sizes ?? [])].sort((a, b) => a.count - b.count);
  const small = ordered[0];
  const large = ordered.length > 1 ? ordered.at(-1) : undefined;

  targets.push(
    routeShare(ordered, "signed_url", "signed_url_cold", "signed-URL route (warm ids)", SIGNED_URL_SHARE),
    routeShare(ordered, "get", "get_cold", "get-one route (warm ids)", GET_ONE_SHARE),
  );

  const worker = results.worker_crypto.per_operation_us;
  const overFloor = worker.presign / worker.floor;
  targets.push(
    target(
      "one presigned URL / WebCrypto floor, Workers runtime",
      "<=",
      SIGNING_OVER_FLOOR,
      fixed(overFloor),
      `${worker.presign} us vs ${worker.floor} us: ${fixed(overFloor)}x (naive AwsClient.sign: ${fixed(worker.naive / worker.floor)}x)`,
    ),
  );
  const sdk = results.node_presign.per_operation_us.aws_sdk;
  targets.push(
    target(
      "one presigned URL in the Workers runtime / AWS SDK presigner in Node",
      "<",
      1,
      fixed(worker.presign / sdk, 3),
      `${worker.presign} us vs ${sdk} us; in Node the service's presigner takes ${fixed(results.node_presign.per_operation_us.service / sdk, 3)}x the SDK's time`,
    ),
  );

  // Every pair of filters the scenarios define (scenarios.mjs), in their order.
  const pairs = Object.keys(small?.scenarios ?? {})
    .filter((name) => name.startsWith("pair_"))
    .map((name) => [name, small.scenarios[name].label]);
  for (const [name, label] of [...LISTINGS, ...pairs, ...PAGE_LISTINGS]) {
    const before = scenario(small, name);
    const after = scenario(large, name);
    if (!before || !after) {
      targets.push(target(`${label}: p50 largest size / smallest`, "<=", LATENCY_GROWTH, null, "not measured"));
      continue;
    }
    const growth = after.latency_ms.p50 / before.latency_ms.p50;
    targets.push(
      target(
        `${label}: p50 at ${large.count} / p50 at ${small.count} assets`,
        "<=",
        LATENCY_GROWTH,
        fixed(growth),
        `${before.latency_ms.p50} ms -> ${after.latency_ms.p50} ms (p99 ${before.latency_ms.p99} -> ${after.latency_ms.p99} ms)`,
      ),
    );
  }

  const deepest = large ?? small;
  const first = scenario(deepest, "list_first_page");
  const middle = scenario(deepest, "list_page_middle");
  targets.push(
    target(
      `page-number listing in the middle of ${deepest?.count} assets: p50 / first page's p50`,
      "<=",
      DEEP_PAGE_OVER_FIRST,
      first && middle ? fixed(middle.latency_ms.p50 / first.latency_ms.p50) : null,
      first && middle
        ? `${first.latency_ms.p50} ms -> ${middle.latency_ms.p50} ms (p99 ${middle.latency_ms.p99} ms)`
        : "not measured",
    ),
  );

  if (large) {
    const growths = Object.keys(small.scenarios)
      .filter((name) => scenario(small, name) && scenario(large, name))
      .map((name) => ({
        name,
        growth: fixed(
          scenario(large, name).memory.runtime_anon_peak_mb / scenario(small, name).memory.runtime_anon_peak_mb,
        ),
      }));
    const worst = growths.reduce((a, b) => (b.growth > a.growth ? b : a), { name: "none", growth: 0 });
    targets.push(
      target(
        `runtime memory under load, peak anonymous RSS at ${large.count} / at ${small.count} assets (worst scenario)`,
        "<=",
        MEMORY_GROWTH,
        worst.growth,
        `worst: ${worst.name}`,
      ),
    );
  }
  return targets;
}

/**
 * A route's throughput over the no-op route's, warm ids, at the worst size; the same share for
 * cold ids (never requested before, so read from D1) is reported beside it.
 */
function routeShare(ordered, warmName, coldName, label, limit) {
  const shareOf = (size, name) =>
    scenario(size, name) && scenario(size, "noop")
      ? fixed(scenario(size, name).throughput_rps / scenario(size, "noop").throughput_rps, 3)
      : null;
  const shares = ordered
    .map((size) => ({ count: size.count, warm: shareOf(size, warmName), cold: shareOf(size, coldName) }))
    .filter((entry) => entry.warm !== null);
  const worst = shares.length > 0 ? Math.min(...shares.map((entry) => entry.warm)) : null;
  const detail = shares.map((entry) => `${entry.count}: ${entry.warm} (cold ${entry.cold ?? "not measured"})`);
  return target(
    `${label} throughput / no-op route throughput (worst size)`,
    ">=",
    limit,
    worst,
    detail.join(", ") || "not measured",
  );
}
