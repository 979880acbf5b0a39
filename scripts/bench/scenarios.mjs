// The load scenarios for one database size. Rows are named through seed.mjs's assetAt, so each
// scenario asks for something that exists at every size.
import { assetAt } from "./seed.mjs";

const SPREAD = 1000;
// Ids for the cold scenarios, each asked for once: more than a run of them can reach.
const COLD_IDS = 50_000;
const LIMIT = 20;
// Page 250 of 20 (offset 4,980) exists at every size, so it shows whether its cost grows with the table.
const FIXED_PAGE = 250;

export function buildScenarios(count, ids, end) {
  const at = (fraction) => Math.min(count - 1, Math.floor(count * fraction));
  // Ids spread over the whole table, so reads are not all served by one hot page.
  const spread = Array.from({ length: SPREAD }, (_, k) => Math.floor(((k + 0.5) * count) / SPREAD));
  const list = (query) => `/api/v1/assets?limit=${LIMIT}&${query}`;
  const createdAt = (index) => encodeURIComponent(new Date(assetAt(index, count, end).createdAt).toISOString());
  return [
    {
      name: "noop",
      label: "no-op: unrouted path, JSON 404 from the app, no I/O",
      paths: ["/bench/noop"],
      expectStatus: 404,
    },
    {
      name: "auth_only",
      label: "authenticated, an id that is not a KSUID (404, no D1)",
      paths: ["/api/v1/assets/not-an-asset-id"],
      expectStatus: 404,
    },
    {
      name: "get",
      label: "get one asset (warm ids: each requested once before the run)",
      paths: spread.map((i) => `/api/v1/assets/${ids[i]}`),
      expectStatus: 200,
      warm: true,
    },
    {
      name: "signed_url",
      label: "signed URL for one asset (warm ids)",
      paths: spread.map((i) => `/api/v1/assets/${ids[i]}/signed-url`),
      expectStatus: 200,
      warm: true,
    },
    ...coldScenarios(count, ids, spread),
    {
      name: "batch_sign_100",
      label: "batch signing of 100 (POST /api/v1/assets/signed-urls)",
      method: "POST",
      paths: ["/api/v1/assets/signed-urls"],
      body: JSON.stringify({ ids: spread.slice(0, 100).map((i) => ids[i]) }),
      expectStatus: 200,
      optional: true,
    },
    { name: "list_first_page", label: "list, first page", paths: [`/api/v1/assets?limit=${LIMIT}`], expectStatus: 200 },
    {
      name: "list_cursor_deep",
      label: "list via cursor, 10%..90% deep",
      // A cursor is `<created_at in ms>.<id>` (src/db/list-cursor.ts).
      paths: [0.1, 0.3, 0.5, 0.7, 0.9].map((fraction) =>
        list(`cursor=${assetAt(at(fraction), count, end).createdAt}.${ids[at(fraction)]}`),
      ),
      expectStatus: 200,
    },
    {
      name: "list_page_fixed",
      label: `list via page=${FIXED_PAGE} (offset ${(FIXED_PAGE - 1) * LIMIT})`,
      paths: [list(`page=${FIXED_PAGE}`)],
      expectStatus: 200,
    },
    {
      name: "list_page_middle",
      label: "list via page, middle of the table (placed from the hourly counts)",
      paths: [list(`page=${Math.max(1, Math.floor(count / 2 / LIMIT))}`)],
      expectStatus: 200,
    },
    { name: "filter_type", label: "filter type=image", paths: [list("type=image")], expectStatus: 200 },
    { name: "filter_provider", label: "filter provider=fal", paths: [list("provider=fal")], expectStatus: 200 },
    {
      name: "filter_execution_id",
      label: "filter execution_id (10 assets each)",
      paths: spread.slice(0, 100).map((i) => list(`execution_id=${assetAt(i, count, end).executionId}`)),
      expectStatus: 200,
    },
    { name: "filter_agent_id", label: "filter agent_id=agent_7", paths: [list("agent_id=agent_7")], expectStatus: 200 },
    {
      name: "filter_created_after",
      label: "filter created_after (newest 10%)",
      paths: [list(`created_after=${createdAt(at(0.9))}`)],
      expectStatus: 200,
    },
    {
      name: "filter_created_before",
      label: "filter created_before (oldest 50%)",
      paths: [list(`created_before=${createdAt(at(0.5))}`)],
      expectStatus: 200,
    },
    { name: "filter_model", label: "filter model=flux-pro", paths: [list("model=flux-pro")], expectStatus: 200 },
    ...pairScenarios(count, end, spread, list, createdAt(at(0.25)), createdAt(at(0.75))),
  ];
}

/** get and signed URL for ids the Worker has never been asked for: every request reads D1. */
function coldScenarios(count, ids, spread) {
  const warm = new Set(spread);
  const total = Math.min(count, COLD_IDS);
  const cold = Array.from({ length: total }, (_, k) => Math.floor(((k + 0.25) * count) / total)).filter(
    (i) => !warm.has(i),
  );
  // Alternate ids go to the two scenarios, so neither warms the other's.
  const half = (parity) => cold.filter((_, n) => n % 2 === parity);
  return [
    {
      name: "get_cold",
      label: "get one asset (cold ids: never requested before)",
      paths: half(0).map((i) => `/api/v1/assets/${ids[i]}`),
      expectStatus: 200,
      fresh: true,
    },
    {
      name: "signed_url_cold",
      label: "signed URL for one asset (cold ids)",
      paths: half(1).map((i) => `/api/v1/assets/${ids[i]}/signed-url`),
      expectStatus: 200,
      fresh: true,
    },
  ];
}

/** The filters, as the query each adds for row `i`; pairs take both values from one row, so they match. */
function filterQueries(count, end, after, before) {
  const row = (i) => assetAt(i, count, end);
  return [
    ["type", (i) => `type=${row(i).type}`],
    ["provider", (i) => `provider=${row(i).provider}`],
    ["model", (i) => `model=${row(i).model}`],
    ["agent_id", (i) => `agent_id=${row(i).agentId}`],
    ["execution_id", (i) => `execution_id=${row(i).executionId}`],
    ["dates", () => `created_after=${after}&created_before=${before}`],
  ];
}

/**
 * Every pair of filters, from the values of one row (row 7: agent_7, audio, elevenlabs,
 * imagen-4), or of 100 rows spread over the table when the pair includes execution_id.
 */
function pairScenarios(count, end, spread, list, after, before) {
  const filters = filterQueries(count, end, after, before);
  const pairs = filters.flatMap((first, i) => filters.slice(i + 1).map((second) => [first, second]));
  return pairs.map(([[firstName, first], [secondName, second]]) => {
    const rows = firstName === "execution_id" || secondName === "execution_id" ? spread.slice(0, 100) : [7];
    return {
      name: `pair_${firstName}_${secondName}`,
      label: `filters ${firstName} and ${secondName} together`,
      paths: rows.map((i) => list(`${first(i)}&${second(i)}`)),
      expectStatus: 200,
      pair: true,
    };
  });
}
