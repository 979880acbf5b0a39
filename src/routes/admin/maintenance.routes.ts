import { createRoute, z } from "@hono/zod-openapi";
import { MaintenanceReport, maintenanceExample } from "../../contract/maintenance.schemas";
import { errorResponses } from "../../errors";
import { json } from "../route-helpers";

export const runMaintenance = createRoute({
  method: "post",
  path: "/",
  tags: ["Admin"],
  security: [{ AdminToken: [] }],
  summary: "Run one cleanup sweep now",
  description:
    "The same bounded sweep as the cron trigger: removes expired assets and abandoned uploads (one batch of " +
    "each), then carries out owed storage deletions that are due. Safe to call at any time and repeatedly.",
  responses: {
    200: json(z.object({ data: MaintenanceReport }), "What the sweep did, and what is still owed.", maintenanceExample),
    ...errorResponses,
  },
});
