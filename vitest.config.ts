import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { TEST_STORAGE } from "./test/storage-settings";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            ...TEST_STORAGE,
            // The real S3-protocol server started by test/global-setup.ts.
            STORAGE_ENDPOINT: inject<string>("s3Endpoint"),
            // Listeners in front of it that inject storage faults (test/fault-proxy.ts).
            TEST_FAULT_ENDPOINTS: inject<Record<string, string>>("faultEndpoints"),
            ADMIN_TOKEN: "test-admin-token-0123456789",
            MAX_UPLOAD_BYTES: String(256 * 1024),
            // Small parts, so multipart uploads of a few hundred KiB have several parts (s3rver has no minimum).
            MULTIPART_THRESHOLD_BYTES: String(64 * 1024),
            MULTIPART_PART_SIZE_BYTES: String(32 * 1024),
            IMPORT_TIMEOUT_MS: "2000",
            ALLOW_HTTP_IMPORTS: "true",
            TEST_SOURCE_URL: inject<string>("sourceUrl"),
            TEST_MIGRATIONS: migrations,
          },
        },
      })),
    ],
    test: {
      globalSetup: ["./test/global-setup.ts"],
      setupFiles: ["./test/apply-migrations.ts"],
      include: ["test/**/*.test.ts"],
      testTimeout: 20_000,
    },
  };
});
