import { requireAdmin } from "../../auth/middleware";
import { createRouter } from "../create-router";
import { runMaintenanceHandler } from "./maintenance.handlers";
import { runMaintenance } from "./maintenance.routes";

const maintenance = createRouter();
maintenance.use("*", requireAdmin);

export default maintenance.openapi(runMaintenance, runMaintenanceHandler);
