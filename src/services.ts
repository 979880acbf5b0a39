import { type Config, loadConfig } from "./config";
import { createDb, type Database } from "./db/client";
import { ApiError } from "./errors";
import { type Storage, storageFor } from "./storage/s3";

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
