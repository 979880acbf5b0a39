import { readFile } from "node:fs/promises";
import { cloudflareTest, getRunnerName, readD1Migrations } from "@cloudflare/vitest-plugin";
import ts from "typescript";
import { defineConfig } from "vitest/config";
import { TEST_STORAGE } from "./test/support/storage-settings";

const PROJECT_NAME = "asset-service";
// The Worker under test runs under the plugin's runner name, which depends only on the project's name.
const workerUnderTest = getRunnerName({ name: PROJECT_NAME } as Parameters<typeof getRunnerName>[0]);

/** Auxiliary Workers take JavaScript only, so the edge-site fixture is transpiled here. */
async function edgeSiteScript() {
  const source = await readFile("./test/support/fixtures/edge-site.ts", "utf8");
  const compilerOptions = { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 };
  return ts.transpileModule(source, { compilerOptions }).outputText;
}

export default defineConfig(async () => {
  const [migrations, edgeSite] = await Promise.all([readD1Migrations("./migrations"), edgeSiteScript()]);
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            ...TEST_STORAGE,
            // The real S3-protocol server started by test/support/global-setup.ts.
            STORAGE_ENDPOINT: inject<string>("s3Endpoint"),
            // Listeners in front of it that inject storage faults (test/support/fault-proxy.ts).
            TEST_FAULT_ENDPOINTS: inject<Record<string, string>>("faultEndpoints"),
            ADMIN_TOKEN: "test-admin-token-0123456789",
            MAX_UPLOAD_BYTES: String(256 * 1024),
            // Small parts, direct and streamed, so uploads of a few hundred KiB have several parts (the
            // local S3's minimum part size is lowered to match in test/support/global-setup.ts).
            MULTIPART_THRESHOLD_BYTES: String(64 * 1024),
            MULTIPART_PART_SIZE_BYTES: String(32 * 1024),
            STREAMED_PART_SIZE_BYTES: String(32 * 1024),
            IMPORT_TIMEOUT_MS: "2000",
            ALLOW_HTTP_IMPORTS: "true",
            // The source server and fault listeners run on 127.0.0.1, which imports otherwise refuse.
            IMPORT_ALLOWED_HOSTS: "127.0.0.1",
            TEST_SOURCE_URL: inject<string>("sourceUrl"),
            // Webhooks to the local receiver: http on 127.0.0.1, short timeouts, retries without delay.
            TEST_RECEIVER_URL: inject<string>("receiverUrl"),
            ALLOW_HTTP_WEBHOOKS: "true",
            WEBHOOK_TIMEOUT_MS: "1000",
            WEBHOOK_RETRY_DELAY_SECONDS: "0",
            TEST_MIGRATIONS: migrations,
          },
          serviceBindings: { EDGE_SITE: "edge-site" },
          workers: [
            {
              name: "edge-site",
              modules: true,
              script: edgeSite,
              compatibilityDate: "2026-11-01",
              serviceBindings: { ASSETS: { name: workerUnderTest, entrypoint: "AssetsRpc" } },
            },
          ],
        },
      })),
    ],
    test: {
      name: PROJECT_NAME,
      globalSetup: ["./test/support/global-setup.ts"],
      setupFiles: ["./test/support/apply-migrations.ts"],
      include: ["test/**/*.test.ts"],
      testTimeout: 20_000,
    },
  };
});
