import { createMiddleware } from "hono/factory";
import { BOOKMARK_HEADER, openSession } from "../db/session";
import { createServices } from "../services";
import type { AppEnv } from "../types";

/**
 * Puts the validated configuration, a D1 session and the storage client on the context. The session
 * lets reads go to a nearby replica; its bookmark goes back on every answer so clients can read their writes.
 */
export const requestServices = createMiddleware<AppEnv>(async (c, next) => {
  const session = openSession(c.env.DB, c.req.header(BOOKMARK_HEADER));
  const { config, db, storage, assetCache, eventQueue } = createServices(c.env, session);
  c.set("config", config);
  c.set("db", db);
  c.set("storage", storage);
  c.set("assetCache", assetCache);
  c.set("eventQueue", eventQueue);
  await next();
  const bookmark = session.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
});
