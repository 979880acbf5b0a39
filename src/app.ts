import { OpenAPIHono } from "@hono/zod-openapi";
import { notFound, onError } from "./errors";
import adminApiKeys from "./routes/admin/api-keys.index";
import assets from "./routes/assets/assets.index";
import health from "./routes/health";
import { services } from "./services";
import type { AppEnv } from "./types";
import ui from "./ui/ui.index";
import { validationHook } from "./validation";

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound(notFound);

  app.route("/health", health);
  app.use("/api/v1/assets/*", services);
  app.use("/api/v1/assets", services);
  app.use("/api/v1/admin/*", services);
  app.route("/api/v1/assets", assets);
  app.route("/api/v1/admin/api-keys", adminApiKeys);
  app.get("/", (c) => c.redirect("/ui/assets"));
  app.route("/ui", ui);

  app.openAPIRegistry.registerComponent("securitySchemes", "ApiKey", {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "AdminToken", { type: "http", scheme: "bearer" });
  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Agent asset service",
      version: "1.0.0",
      description: "Stores media produced by AI agents and issues short-lived signed URLs for it.",
    },
  });
  return app;
}
