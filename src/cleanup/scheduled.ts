import { buildServices } from "../services";
import { runCleanup } from "./cleanup";

/**
 * The cron entry point: one cleanup sweep (owed storage deletions and unsent webhook events
 * included), summarised as a single JSON log line.
 */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const built = buildServices(env, env.DB);
  if (!built.ok) {
    console.error(JSON.stringify({ event: "cleanup_skipped", reason: "misconfigured", problems: built.problems }));
    return;
  }
  const startedAt = Date.now();
  const summary = await runCleanup(built.services, new Date(controller.scheduledTime));
  console.log(
    JSON.stringify({ event: "cleanup", cron: controller.cron, ...summary, duration_ms: Date.now() - startedAt }),
  );
}
