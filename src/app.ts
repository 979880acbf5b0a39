import { WebhookEventSchema } from "./contract/webhooks.schemas";
import { notFound, onError } from "./errors";
import { apiBodyLimit } from "./http/body-limit";
import { apiCors } from "./http/cors";
import { requestServices } from "./http/request-services";
import { apiSecurityHeaders } from "./http/security-headers";
import adminApiKeys from "./routes/admin/api-keys.index";
import adminMaintenance from "./routes/admin/maintenance.index";
import assets from "./routes/assets/assets.index";
import { createRouter } from "./routes/create-router";
import { apiDocs } from "./routes/docs/docs.handlers";
import health from "./routes/health";
import webhooks from "./routes/webhooks/webhooks.index";
import ui from "./ui/ui.index";

const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Agent asset service",
    version: "1.0.0",
    description: "Stores media produced by AI agents and issues short-lived signed URLs for it.",
  },
};

export function createApp() {
  const app = createRouter();
  app.onError(onError);
  app.notFound(notFound);

  app.use("*", apiSecurityHeaders);
  app.use("/api/*", apiCors, apiBodyLimit);
  app.route("/health", health);
  app.use("/api/v1/assets/*", requestServices);
  app.use("/api/v1/assets", requestServices);
  app.use("/api/v1/admin/*", requestServices);
  app.use("/api/v1/webhooks/*", requestServices);
  app.use("/api/v1/webhooks", requestServices);
  app.route("/api/v1/assets", assets);
  app.route("/api/v1/admin/api-keys", adminApiKeys);
  app.route("/api/v1/admin/maintenance", adminMaintenance);
  app.route("/api/v1/webhooks", webhooks);
  app.get("/", (c) => c.redirect("/ui/assets"));
  app.route("/ui", ui);

  app.openAPIRegistry.registerComponent("securitySchemes", "ApiKey", {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "AdminToken", { type: "http", scheme: "bearer" });
  // The body every receiver gets, for generators and /docs readers.
  app.openAPIRegistry.register("WebhookEvent", WebhookEventSchema);
  app.doc31("/api/v1/openapi.json", DOCUMENT);
  app.get("/docs", apiDocs(app, DOCUMENT));
  return app;
}
