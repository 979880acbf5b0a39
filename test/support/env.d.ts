import type { D1Migration } from "cloudflare:test";

declare global {
  // Vite's import.meta.glob, as the tests use it (raw file contents, loaded eagerly).
  interface ImportMeta {
    glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
  }
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      TEST_FAULT_ENDPOINTS: Record<
        "fail-writes" | "fail-deletes" | "slow" | "reset" | "down" | "lost-reset" | "lost-504" | "lost-hang",
        string
      >;
      /** The local file host of test/source-server.ts. */
      TEST_SOURCE_URL: string;
      /** The webhook receiver of test/support/webhook-receiver.ts. */
      TEST_RECEIVER_URL: string;
      /** The edge-site fixture Worker, which reaches this one through a service binding. */
      EDGE_SITE: Service<import("./fixtures/edge-site").default>;
    }
    // Types `exports.default` from cloudflare:workers as our Worker.
    interface GlobalProps {
      mainModule: typeof import("../../src/index");
    }
  }
}
