import { defineConfig } from "vitest/config";

/**
 * The local S3's own rules, tested in Node: each test starts its own server with the options it
 * needs (s3rver runs only in Node, and its credentials are process-wide state, so it cannot run
 * inside the Workers runtime that the main suite uses).
 */
export default defineConfig({
  test: {
    name: "local-s3",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/storage/**/*.node.ts"],
    environment: "node",
    setupFiles: ["test/storage/workers-globals.ts"],
    testTimeout: 60_000,
    // The rules share one router in the process; files run one after another, tests within a file too.
    fileParallelism: false,
  },
});
