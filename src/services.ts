import { type Config, loadConfig } from "./config";
import { type AssetCache, assetCache } from "./db/asset-cache";
import { createDb, type Database } from "./db/client";
import { ApiError } from "./errors";
import { type Storage, storageFor } from "./storage/s3";
import type { EventMessage } from "./webhooks/event-message";

/** What every use case takes first: settings, D1 and storage, built the same way for every way in. */
export interface Services {
  config: Config;
  db: Database;
  storage: Storage;
  /** This isolate's cache of ready asset rows (tests pass their own, with their own clock). */
  assetCache: AssetCache;
  /** Where webhook events go once their outbox rows are committed. */
  eventQueue: Queue<EventMessage>;
}

export type ServicesResult = { ok: true; services: Services } | { ok: false; problems: Record<string, string> };

/** The one place services are built; health and cron report a bad configuration instead of throwing. */
export function buildServices(env: Env, d1: D1Database | D1DatabaseSession): ServicesResult {
  const loaded = loadConfig(env);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const services = {
    config: loaded.config,
    db: createDb(d1),
    storage: storageFor(loaded.config),
    assetCache,
    eventQueue: env.WEBHOOK_EVENTS,
  };
  return { ok: true, services };
}

/** Services for a request or an RPC call: a bad configuration is the service's fault, a 503. */
export function createServices(env: Env, d1: D1Database | D1DatabaseSession): Services {
  const built = buildServices(env, d1);
  if (!built.ok) {
    throw new ApiError(
      "service_misconfigured",
      `The service is misconfigured: ${Object.keys(built.problems).join(", ")}.`,
      built.problems,
    );
  }
  return built.services;
}
