import { z } from "zod";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", ""])
    .default("")
    .transform((value) => (value === "" ? fallback : value === "true" || value === "1"));

// `type/subtype` (RFC 6838 names) or `type/*`, for audio, image and video only: the top level is the
// asset type. Entries match exactly or by their top level, never by prefix.
const CONTENT_TYPE_PATTERN = /^(audio|image|video)\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]{0,126})$/;

/** A comma-separated setting as its non-empty, trimmed entries. */
const commaList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  );

const contentTypeList = commaList
  .transform((entries) => entries.map((entry) => entry.toLowerCase()))
  .refine((entries) => entries.every((entry) => CONTENT_TYPE_PATTERN.test(entry)), {
    message: "must be a comma-separated list of audio/, image/ or video/ types, e.g. image/png,video/*",
  })
  .transform((entries) => (entries.length > 0 ? entries : ["audio/*", "image/*", "video/*"]));

const optionalUrl = z
  .union([z.literal(""), z.url({ protocol: /^https?$/ })])
  .optional()
  .transform((value) => (value ? value.replace(/\/+$/, "") : null));

const positiveInt = (fallback: number, max: number, min = 1) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** `*`, or a comma-separated list of exact origins such as `https://app.example.com`. */
const originList = commaList.pipe(
  z.array(
    z.union([
      z.literal("*"),
      z
        .string()
        .refine(
          (url) => URL.canParse(url) && new URL(url).origin === url,
          "must be an origin such as https://app.example.com",
        ),
    ]),
  ),
);

/**
 * Hosts imports may fetch although they are IP literals or inward names, as `host` (any port) or
 * `host:port`, written exactly as a URL parser writes them (e.g. `127.0.0.1:8080`). For a file
 * server on a developer's machine and the test suite only.
 */
const hostList = commaList
  .transform((entries) => entries.map((entry) => entry.toLowerCase()))
  .pipe(
    z.array(
      z
        .string()
        .refine(
          (entry) => URL.canParse(`http://${entry}`) && new URL(`http://${entry}`).host === entry,
          "must be comma-separated hosts or host:port pairs, e.g. 127.0.0.1:8080",
        ),
    ),
  );

/** S3 (and R2) refuse presigned URLs valid for longer than seven days. */
export const MAX_SIGNED_URL_SECONDS = 604800;

/** S3 and R2 both cap a multipart upload at 10,000 parts. */
export const MAX_PARTS = 10_000;

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);

const configSchema = z
  .object({
    STORAGE_ENDPOINT: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, "")),
    STORAGE_REGION: z.string().min(1).default("auto"),
    STORAGE_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid S3 bucket name"),
    STORAGE_ACCESS_KEY_ID: z.string().min(1),
    STORAGE_SECRET_KEY: z.string().min(1),
    STORAGE_PUBLIC_URL: optionalUrl,
    STORAGE_FORCE_PATH_STYLE: flag(true),
    ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters"),
    SIGNED_URL_TTL: z.preprocess(emptyAsMissing, positiveInt(3600, MAX_SIGNED_URL_SECONDS)),
    // Seconds; 0 turns cache-friendly signing off. Capped so URLs never outlive their lifetime by much.
    SIGNED_URL_WINDOW: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).max(3600).default(300)),
    MAX_UPLOAD_BYTES: z.preprocess(emptyAsMissing, positiveInt(100 * MiB, 5 * GiB)),
    // S3 and R2 allow 10,000 parts of at most 5 GiB each, so 5 TiB is the ceiling of the direct path.
    MAX_DIRECT_UPLOAD_BYTES: z.preprocess(emptyAsMissing, positiveInt(5 * GiB, 5 * 1024 * GiB)),
    MULTIPART_THRESHOLD_BYTES: z.preprocess(emptyAsMissing, positiveInt(100 * MiB, 5 * GiB)),
    // Below 5 MiB S3 and R2 refuse every part but the last; smaller values only suit test servers.
    MULTIPART_PART_SIZE_BYTES: z.preprocess(emptyAsMissing, positiveInt(32 * MiB, 5 * GiB, 1024)),
    // Form uploads and imports of unknown length hold one part in memory; 16 MiB is already an
    // eighth of an isolate. The same 5 MiB minimum applies on S3 and R2.
    STREAMED_PART_SIZE_BYTES: z.preprocess(emptyAsMissing, positiveInt(8 * MiB, 16 * MiB, 1024)),
    // An upload URL is a capability: 15 minutes is enough to start a PUT and little to replay it in.
    UPLOAD_URL_TTL: z.preprocess(emptyAsMissing, positiveInt(900, 604800)),
    UPLOAD_TTL: z.preprocess(emptyAsMissing, positiveInt(86400, 30 * 86400)),
    IMPORT_TIMEOUT_MS: z.preprocess(emptyAsMissing, positiveInt(120_000, 900_000)),
    ALLOW_HTTP_IMPORTS: flag(false),
    IMPORT_ALLOWED_HOSTS: hostList,
    // For local receivers only: allows http and loopback or private hosts for webhook URLs.
    ALLOW_HTTP_WEBHOOKS: flag(false),
    WEBHOOK_TIMEOUT_MS: z.preprocess(emptyAsMissing, positiveInt(10_000, 60_000)),
    // The first retry waits this long, each later one twice as long, capped at Queues' 12 hours.
    WEBHOOK_RETRY_DELAY_SECONDS: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).max(43_200).default(30)),
    MAX_METADATA_BYTES: z.preprocess(emptyAsMissing, positiveInt(64 * 1024, MiB)),
    ALLOWED_CONTENT_TYPES: contentTypeList,
    CLEANUP_BATCH_SIZE: z.preprocess(emptyAsMissing, positiveInt(100, 1000)),
    STORAGE_TIMEOUT_MS: z.preprocess(emptyAsMissing, positiveInt(10_000, 300_000)),
    CORS_ORIGINS: originList,
  })
  // A presigned PUT that outlived its pending asset could recreate an object cleanup already removed.
  .refine((config) => config.UPLOAD_TTL >= config.UPLOAD_URL_TTL, {
    path: ["UPLOAD_TTL"],
    message: "must be at least UPLOAD_URL_TTL",
  })
  // A streamed file of MAX_UPLOAD_BYTES must fit in the 10,000 parts storage allows.
  .refine((config) => config.STREAMED_PART_SIZE_BYTES * MAX_PARTS >= config.MAX_UPLOAD_BYTES, {
    path: ["STREAMED_PART_SIZE_BYTES"],
    message: `must be at least MAX_UPLOAD_BYTES / ${MAX_PARTS} (storage allows ${MAX_PARTS} parts)`,
  });

export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: Record<string, string> };

// Bindings are fixed for the life of an isolate, so the env object is parsed once.
const parsed = new WeakMap<object, ConfigResult>();

export function parseConfig(source: Record<string, unknown>): ConfigResult {
  const result = configSchema.safeParse(source);
  if (result.success) return { ok: true, config: result.data };
  const problems = Object.fromEntries(
    result.error.issues.map((issue) => [
      String(issue.path[0]),
      issue.code === "invalid_type" ? "is missing" : issue.message,
    ]),
  );
  return { ok: false, problems };
}

export function loadConfig(env: Env): ConfigResult {
  let outcome = parsed.get(env);
  if (!outcome) {
    outcome = parseConfig({ ...env });
    parsed.set(env, outcome);
  }
  return outcome;
}
