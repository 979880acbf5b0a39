import { createMiddleware } from "hono/factory";
import { loadConfig } from "./config";
import { createDb } from "./db/client";
import { ApiError } from "./errors";
import { storageFor } from "./storage/s3";
import type { AppEnv } from "./types";

/** Puts the validated configuration, database and storage client on the context. */
export const services = createMiddleware<AppEnv>(async (c, next) => {
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
