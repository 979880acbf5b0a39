import { z } from "zod";

const MiB = 1024 * 1024;

const booleanText = z
  .enum(["true", "false", "1", "0", ""])
  .default("true")
  .transform((value) => value !== "false" && value !== "0");

const optionalUrl = z
  .union([z.literal(""), z.url({ protocol: /^https?$/ })])
  .optional()
  .transform((value) => (value ? value.replace(/\/+$/, "") : null));

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** S3 (and R2) refuse presigned URLs valid for longer than seven days. */
export const MAX_SIGNED_URL_SECONDS = 604800;

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);

const configSchema = z.object({
  STORAGE_ENDPOINT: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, "")),
  STORAGE_REGION: z.string().min(1).default("auto"),
  STORAGE_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid S3 bucket name"),
  STORAGE_ACCESS_KEY_ID: z.string().min(1),
  STORAGE_SECRET_KEY: z.string().min(1),
  STORAGE_PUBLIC_URL: optionalUrl,
  STORAGE_FORCE_PATH_STYLE: booleanText,
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters"),
  SIGNED_URL_TTL: z.preprocess(emptyAsMissing, positiveInt(3600, MAX_SIGNED_URL_SECONDS)),
  // Seconds; 0 turns cache-friendly signing off. Capped so URLs never outlive their lifetime by much.
  SIGNED_URL_WINDOW: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).max(3600).default(300)),
  MAX_UPLOAD_BYTES: z.preprocess(emptyAsMissing, positiveInt(100 * MiB, 5 * 1024 * MiB)),
});

export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: Record<string, string> };

// Bindings are fixed for the life of an isolate, so the env object is parsed once.
const parsed = new WeakMap<object, ConfigResult>();

export function loadConfig(env: Env): ConfigResult {
  const cached = parsed.get(env);
  if (cached) return cached;
  const result = configSchema.safeParse({ ...env });
  const outcome: ConfigResult = result.success
    ? { ok: true, config: result.data }
    : {
        ok: false,
        problems: Object.fromEntries(
          result.error.issues.map((issue) => [
            String(issue.path[0]),
            issue.code === "invalid_type" ? "is missing" : issue.message,
          ]),
        ),
      };
  parsed.set(env, outcome);
  return outcome;
}
