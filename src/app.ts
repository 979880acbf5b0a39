import { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { BOOKMARK_HEADER, openSession } from "./db/session";
import { notFound, onError } from "./errors";
import { apiBodyLimit } from "./http/body-limit";
import { apiCors } from "./http/cors";
import { apiSecurityHeaders } from "./http/security-headers";
import adminApiKeys from "./routes/admin/api-keys.index";
import assets from "./routes/assets/assets.index";
import { apiDocs } from "./routes/docs";
import health from "./routes/health";
import { createServices } from "./services";
import type { AppEnv } from "./types";
import { validationHook } from "./validation";

/**
 * Puts the validated configuration, a D1 session and the storage client on the context. The session
 * lets reads go to a nearby replica; its bookmark goes back on every answer so clients can read their writes.
 */
const services = createMiddleware<AppEnv>(async (c, next) => {
  const session = openSession(c.env.DB, c.req.header(BOOKMARK_HEADER));
  const { config, db, storage } = createServices(c.env, session);
  c.set("config", config);
  c.set("db", db);
  c.set("storage", storage);
  await next();
  const bookmark = session.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
});

const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Agent asset service",
    version: "1.0.0",
    description: "Stores media produced by AI agents and issues short-lived signed URLs for it.",
  },
};

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
  app.doc31("/api/v1/openapi.json", DOCUMENT);
  app.get("/docs", apiDocs(app, DOCUMENT));
  return app;
}
