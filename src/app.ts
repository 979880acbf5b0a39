import { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { loadConfig } from "./config";
import { createDb } from "./db/client";
import { ApiError, notFound, onError } from "./errors";
import { apiBodyLimit } from "./http/body-limit";
import { apiCors } from "./http/cors";
import { apiSecurityHeaders } from "./http/security-headers";
import adminApiKeys from "./routes/admin/api-keys.index";
import assets from "./routes/assets/assets.index";
import health from "./routes/health";
import { storageFor } from "./storage/s3";
import type { AppEnv } from "./types";
import { validationHook } from "./validation";

/** Puts the validated configuration, database and storage client on the context. */
const services = createMiddleware<AppEnv>(async (c, next) => {
  const loaded = loadConfig(c.env);
  if (!loaded.ok) {
    throw new ApiError(
      "service_misconfigured",
      `The service is misconfigured: ${Object.keys(loaded.problems).join(", ")}.`,
      loaded.problems,
    );
  }
  c.set("config", loaded.config);
  c.set("db", createDb(c.env.DB));
  c.set("storage", storageFor(loaded.config));
  await next();
});

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound(notFound);

  app.use("*", apiSecurityHeaders);
  app.use("/api/*", apiCors, apiBodyLimit);
  app.route("/health", health);
  app.use("/api/v1/assets/*", services);
  app.use("/api/v1/assets", services);
  app.use("/api/v1/admin/*", services);
  app.route("/api/v1/assets", assets);
  app.route("/api/v1/admin/api-keys", adminApiKeys);

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
