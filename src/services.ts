import { createMiddleware } from "hono/factory";
import { type Config, loadConfig } from "./config";
import { createDb, type Database } from "./db/client";
import { BOOKMARK_HEADER, openSession } from "./db/session";
import { ApiError } from "./errors";
import { type Storage, storageFor } from "./storage/s3";
import type { AppEnv } from "./types";

/** What the asset services need, built the same way for HTTP requests and RPC calls. */
export interface Services {
  config: Config;
  db: Database;
  storage: Storage;
}

export function createServices(env: Env, d1: D1Database | D1DatabaseSession): Services {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    throw new ApiError(
      "service_misconfigured",
      `The service is misconfigured: ${Object.keys(loaded.problems).join(", ")}.`,
      loaded.problems,
    );
  }
  return { config: loaded.config, db: createDb(d1), storage: storageFor(loaded.config) };
}

/**
 * Puts the validated configuration, a D1 session and the storage client on the context. The session
 * lets reads go to a nearby replica; its bookmark goes back on every answer so clients can read their writes.
 */
export const services = createMiddleware<AppEnv>(async (c, next) => {
  const session = openSession(c.env.DB, c.req.header(BOOKMARK_HEADER));
  const { config, db, storage } = createServices(c.env, session);
  c.set("config", config);
  c.set("db", db);
  c.set("storage", storage);
  await next();
  const bookmark = session.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
});
