import { type Config, parseConfig } from "../../src/config";

/** Settings for an R2-like bucket, for code that signs without a running Worker (tests, benchmarks). */
export const R2_EXAMPLE_SETTINGS = {
  STORAGE_ENDPOINT: "https://account.r2.cloudflarestorage.com",
  STORAGE_REGION: "auto",
  STORAGE_BUCKET: "media",
  STORAGE_ACCESS_KEY_ID: "AKIDEXAMPLE",
  STORAGE_SECRET_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  ADMIN_TOKEN: "unused-admin-token-000",
};

/** A validated configuration: the example settings with `settings` on top. */
export function exampleConfig(settings: Record<string, string> = {}): Config {
  const result = parseConfig({ ...R2_EXAMPLE_SETTINGS, ...settings });
  if (!result.ok) throw new Error(`invalid example configuration: ${JSON.stringify(result.problems)}`);
  return result.config;
}
