import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      TEST_FAULT_ENDPOINTS: Record<"fail-writes" | "fail-deletes" | "slow" | "reset" | "down", string>;
      /** The local file host of test/source-server.ts. */
      TEST_SOURCE_URL: string;
    }
    // Types `exports.default` from cloudflare:workers as our Worker.
    interface GlobalProps {
      mainModule: typeof import("../src/index");
    }
  }
}
