import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { TestProject } from "vitest/node";
import { startFaultProxies } from "./fault-proxy";
import { startSourceServer } from "./source-server";
import { TEST_STORAGE } from "./storage-settings";
import { startWebhookReceiver } from "./webhook-receiver";

declare module "vitest" {
  export interface ProvidedContext {
    s3Endpoint: string;
    faultEndpoints: Record<string, string>;
    sourceUrl: string;
    receiverUrl: string;
  }
}

// s3rver keeps its credentials in module state, which vitest's module runner would load
// twice; a plain Node child process runs it exactly as `npm start` does.
const SERVER_SCRIPT = `
import { startLocalS3 } from "./scripts/local-s3.mjs";
const s3 = await startLocalS3(JSON.parse(process.argv[1]));
console.log(s3.endpoint);
process.on("SIGTERM", () => s3.close().then(() => process.exit(0)));
`;

/** Starts a real S3-protocol server (SigV4 and expiry verified) in a throwaway folder. */
export default async function setup(project: TestProject) {
  const directory = await mkdtemp(join(tmpdir(), "asset-service-s3-"));
  const options = {
    port: 0,
    directory,
    bucket: TEST_STORAGE.STORAGE_BUCKET,
    accessKeyId: TEST_STORAGE.STORAGE_ACCESS_KEY_ID,
    secretAccessKey: TEST_STORAGE.STORAGE_SECRET_KEY,
    // The suite's parts are 32 KiB (MULTIPART_PART_SIZE_BYTES and STREAMED_PART_SIZE_BYTES in
    // vitest.config.ts) to keep files small, so the minimum scales down with them; every other rule
    // stays as the real stores have it.
    minPartSize: 32 * 1024,
  };
  const server = spawn(process.execPath, ["--input-type=module", "-e", SERVER_SCRIPT, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [endpoint] = (await once(createInterface({ input: server.stdout }), "line")) as [string];
  project.provide("s3Endpoint", endpoint);
  const faults = await startFaultProxies(endpoint);
  project.provide("faultEndpoints", faults.endpoints);
  // A file host for import tests: the Workers runtime cannot listen, so it runs here.
  const source = await startSourceServer();
  project.provide("sourceUrl", source.url);
  // A webhook receiver that verifies signatures on its own (test/support/webhook-receiver.ts).
  const receiver = await startWebhookReceiver();
  project.provide("receiverUrl", receiver.url);
  return async () => {
    await Promise.all([faults.close(), source.close(), receiver.close()]);
    server.kill("SIGTERM");
    await once(server, "exit");
    await rm(directory, { recursive: true, force: true });
  };
}
