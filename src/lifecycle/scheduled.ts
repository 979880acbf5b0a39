import { loadConfig } from "../config";
import { createDb } from "../db/client";
import { storageFor } from "../storage/s3";
import { runCleanup } from "./cleanup";

/** The cron entry point: one cleanup sweep, summarised as a single JSON log line. */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    console.error(JSON.stringify({ event: "cleanup_skipped", reason: "misconfigured", problems: loaded.problems }));
    return;
  }
  const startedAt = Date.now();
  const config = loaded.config;
  const summary = await runCleanup(createDb(env.DB), storageFor(config), config, new Date(controller.scheduledTime));
  console.log(
    JSON.stringify({ event: "cleanup", cron: controller.cron, ...summary, duration_ms: Date.now() - startedAt }),
  );
}
