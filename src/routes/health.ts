import { Hono } from "hono";
import { loadConfig } from "../config";
import { storageFor } from "../storage/s3";
import type { AppEnv } from "../types";

type Check = "ok" | string;

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await probe();
    return "ok";
  } catch (error) {
    const details = (error as { details?: unknown }).details;
    return `${error instanceof Error ? error.message : String(error)}${details ? ` ${JSON.stringify(details)}` : ""}`;
  }
}

/** Reports configuration, D1 and storage separately, so an operator sees what failed. */
const health = new Hono<AppEnv>().get("/", async (c) => {
  const loaded = loadConfig(c.env);
  const checks: Record<string, Check> = {
    config: loaded.ok
      ? "ok"
      : Object.entries(loaded.problems)
          .map(([name, problem]) => `${name} ${problem}`)
          .join("; "),
    database: await check(() => c.env.DB.prepare("SELECT 1").first()),
    storage: loaded.ok ? await check(() => storageFor(loaded.config).ping()) : "not checked: configuration invalid",
  };
  const healthy = Object.values(checks).every((value) => value === "ok");
  c.header("Cache-Control", "no-store");
  return c.json({ status: healthy ? "ok" : "error", checks }, healthy ? 200 : 503);
});

export default health;
