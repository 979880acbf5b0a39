// The D1 storage part of BENCHMARKS.md: bytes per asset from the seeded SQLite files (dbstat),
// and how many assets one database holds under D1's size limit.

// D1's maximum database size on Workers Paid (developers.cloudflare.com/d1/platform/limits/).
export const D1_DATABASE_LIMIT_BYTES = 10 * 1000 ** 3;

const perAsset = (bytes, count) => (bytes / count).toFixed(1);

/** Bytes per asset at the largest size, and the assets one database holds at that rate. */
export function capacity(results) {
  const largest = [...(results.sizes ?? [])].filter((size) => size.storage).sort((a, b) => b.count - a.count)[0];
  if (!largest) return null;
  const { table_bytes, index_bytes, counts_bytes } = largest.storage;
  const bytesPerAsset = (table_bytes + index_bytes + counts_bytes) / largest.count;
  return {
    count: largest.count,
    bytes_per_asset: Number(bytesPerAsset.toFixed(1)),
    assets_per_database: Math.floor(D1_DATABASE_LIMIT_BYTES / bytesPerAsset),
  };
}

export function storageSection(results, table) {
  const sizes = (results.sizes ?? []).filter((size) => size.storage);
  if (sizes.length === 0) return "Not measured.";
  const bySize = table(
    ["assets", "table + primary key B/asset", "indexes B/asset", "hourly counts B/asset", "all B/asset", "file MB"],
    sizes.map(({ count, storage }) => [
      count,
      perAsset(storage.table_bytes, count),
      perAsset(storage.index_bytes, count),
      perAsset(storage.counts_bytes, count),
      perAsset(storage.table_bytes + storage.index_bytes + storage.counts_bytes, count),
      (storage.file_bytes / 1e6).toFixed(1),
    ]),
  );
  const largest = sizes.at(-1);
  const objects = table(
    [`object (${largest.count} assets)`, "kind", "MB", "B/asset"],
    largest.storage.objects.map((object) => [
      `\`${object.name}\``,
      object.type,
      (object.bytes / 1e6).toFixed(1),
      object.per_asset,
    ]),
  );
  const plan = capacity(results);
  const summary =
    `At ${plan.count} assets one asset takes ${plan.bytes_per_asset} bytes of D1 (row, primary key, ` +
    `list indexes and hourly counts), so one D1 database (10 GB limit) holds about ` +
    `${(plan.assets_per_database / 1e6).toFixed(1)} million assets. Measured with SQLite's dbstat on the ` +
    "seeded database file; rows carry the bench's typical values (file name, storage key, metadata, prompt, config).";
  return `${bySize}\n\n${objects}\n\n${summary}`;
}
