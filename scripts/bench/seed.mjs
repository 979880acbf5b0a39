// Seeds a throwaway local D1 for the bench: wrangler applies the real migrations, then rows go
// straight into its SQLite file with node:sqlite, in one transaction through one prepared
// statement (a million rows in seconds, against minutes through the API).
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import KSUID from "ksuid";
import { d1File, start } from "./processes.mjs";

export const WORKSPACE = "ws_bench";
export const TYPES = ["image", "audio", "video"];
export const PROVIDERS = ["fal", "openai", "elevenlabs", "replicate", "runway"];
export const MODELS = ["flux-pro", "gpt-image-1", "eleven-v2", "sdxl", "veo-3", "sora", "kling", "imagen-4"];
export const AGENTS = 50;
export const ASSETS_PER_EXECUTION = 10;
// Creation times spread evenly over this span, ending a day before the bench runs.
const SPAN_MS = 300 * 86_400_000;

const CONTENT_TYPES = { image: "image/png", audio: "audio/mpeg", video: "video/mp4" };
const EXTENSIONS = { image: "png", audio: "mp3", video: "mp4" };

/** The i-th asset of `count`, oldest first; every column derives from i, so scenarios can name rows. */
export function assetAt(i, count, end) {
  const createdAt = end - SPAN_MS + Math.floor((i * SPAN_MS) / count);
  const type = TYPES[i % TYPES.length];
  return {
    createdAt,
    type,
    provider: PROVIDERS[i % PROVIDERS.length],
    model: MODELS[i % MODELS.length],
    agentId: `agent_${i % AGENTS}`,
    executionId: `exec_${Math.floor(i / ASSETS_PER_EXECUTION)}`,
    fileName: `asset ${i}.${EXTENSIONS[type]}`,
  };
}

async function applyMigrations(persistTo) {
  const child = start("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  const [code] = await new Promise((resolve) => child.on("exit", (...args) => resolve(args)));
  if (code !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${child.output}`);
}

/**
 * Creates `persistTo` afresh with `count` assets in one workspace and one API key for it.
 * Returns the ids (oldest first), the key and how long each step took.
 */
export async function seed({ persistTo, count, apiKey }) {
  rmSync(persistTo, { recursive: true, force: true });
  mkdirSync(persistTo, { recursive: true });
  const started = performance.now();
  await applyMigrations(persistTo);
  const migrated = performance.now();

  const end = Date.now() - 86_400_000;
  // Creation times are at least 25 s apart, so ids generated in order are already sorted.
  const payloads = randomBytes(16 * count);
  const ids = new Array(count);
  for (let i = 0; i < count; i++) {
    ids[i] = KSUID.fromParts(assetAt(i, count, end).createdAt, payloads.subarray(i * 16, i * 16 + 16)).string;
  }

  const db = new DatabaseSync(d1File(persistTo));
  // The migrations' indexes are dropped and built again after the rows: one sorted build per
  // index is many times faster than a million inserts into each. The result is the same file.
  db.exec("PRAGMA cache_size = -1000000");
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'assets' AND sql IS NOT NULL")
    .all();
  const insert = db.prepare(
    `INSERT INTO assets (id, workspace_id, execution_id, agent_id, type, provider, file_name, file_size,
       content_type, storage_key, metadata, created_at, model, prompt, config, updated_at, created_by_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keyId = KSUID.randomSync().string;
  db.exec("BEGIN");
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  for (let i = 0; i < count; i++) {
    const asset = assetAt(i, count, end);
    const id = ids[i];
    const safeName = asset.fileName.replace(/[^A-Za-z0-9._-]+/g, "_");
    insert.run(
      id,
      WORKSPACE,
      asset.executionId,
      asset.agentId,
      asset.type,
      asset.provider,
      asset.fileName,
      1000 + (i % 100_000),
      CONTENT_TYPES[asset.type],
      `${WORKSPACE}/${id}/${safeName}`,
      JSON.stringify({ seed: i }),
      new Date(asset.createdAt).toISOString(),
      asset.model,
      `bench asset ${i}: a lighthouse at dusk, watercolour`,
      JSON.stringify({ seed: i, steps: 30 }),
      new Date(asset.createdAt).toISOString(),
      keyId,
    );
  }
  db.prepare(
    "INSERT INTO api_keys (id, workspace_id, name, key_hash, key_prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(
    keyId,
    WORKSPACE,
    "bench",
    createHash("sha256").update(apiKey).digest("hex"),
    apiKey.slice(0, 11),
    new Date().toISOString(),
  );
  for (const index of indexes) db.exec(index.sql);
  db.exec("COMMIT");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const inserted = performance.now();
  const storage = storageBytes(db, count);
  db.close();
  return {
    ids,
    end,
    storage,
    seconds: { migrations: (migrated - started) / 1000, rows: (inserted - migrated) / 1000 },
  };
}

/**
 * What the assets take on disk, from SQLite's own page accounting (dbstat): the table (with its
 * primary-key index) and each of its indexes, in bytes and per asset, and the whole file.
 */
function storageBytes(db, count) {
  const objects = db
    .prepare(
      `SELECT s.name, m.type, sum(s.pgsize) AS bytes FROM dbstat AS s JOIN sqlite_schema AS m ON m.name = s.name
       WHERE m.tbl_name IN ('assets', 'asset_hour_counts') GROUP BY s.name ORDER BY bytes DESC`,
    )
    .all()
    .map((row) => ({
      name: row.name,
      type: row.type,
      bytes: row.bytes,
      per_asset: Number((row.bytes / count).toFixed(1)),
    }));
  const sum = (filter) => objects.filter(filter).reduce((total, row) => total + row.bytes, 0);
  const { size } = db
    .prepare("SELECT page_count * page_size AS size FROM pragma_page_count(), pragma_page_size()")
    .get();
  return {
    objects,
    table_bytes: sum((row) => row.name === "assets" || row.name.startsWith("sqlite_autoindex_assets")),
    index_bytes: sum((row) => row.type === "index" && !row.name.startsWith("sqlite_autoindex_assets")),
    counts_bytes: sum((row) => row.name.includes("asset_hour_counts")),
    file_bytes: size,
  };
}
