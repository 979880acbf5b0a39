import { createRoute, z } from "@hono/zod-openapi";
import { buildServices } from "../services";
import { createRouter } from "./create-router";
import { json } from "./route-helpers";

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

const HealthSchema = z
  .object({
    status: z.enum(["ok", "error"]),
    checks: z.object({ config: z.string(), database: z.string(), storage: z.string() }),
  })
  .openapi("Health");

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Operations"],
  summary: "Check configuration, D1 and storage",
  responses: {
    200: json(HealthSchema, "Everything answers.", {
      status: "ok",
      checks: { config: "ok", database: "ok", storage: "ok" },
    }),
    503: json(HealthSchema, "Something failed; each check says what.", {
      status: "error",
      checks: { config: "ok", database: "ok", storage: 'Storage is unreachable. {"reason":"connection refused"}' },
    }),
  },
});

/** Reports configuration, D1 and storage separately, so an operator sees what failed. */
const health = createRouter().openapi(route, async (c) => {
  const built = buildServices(c.env, c.env.DB);
  const checks = {
    config: built.ok
      ? "ok"
      : Object.entries(built.problems)
          .map(([name, problem]) => `${name} ${problem}`)
          .join("; "),
    database: await check(() => c.env.DB.prepare("SELECT 1").first()),
    storage: built.ok ? await check(() => built.services.storage.ping()) : "not checked: configuration invalid",
  };
  const healthy = Object.values(checks).every((value) => value === "ok");
  c.header("Cache-Control", "no-store");
  return healthy ? c.json({ status: "ok" as const, checks }, 200) : c.json({ status: "error" as const, checks }, 503);
});

export default health;
