import type { RouteHandler } from "@hono/zod-openapi";
import { runCleanup } from "../../cleanup/cleanup";
import type { AppEnv } from "../../types";
import type { runMaintenance } from "./maintenance.routes";

export const runMaintenanceHandler: RouteHandler<typeof runMaintenance, AppEnv> = async (c) => {
  const report = await runCleanup(c.var);
  c.header("Cache-Control", "no-store");
  return c.json({ data: report }, 200);
};
