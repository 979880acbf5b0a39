import type { Config } from "./config";
import type { AssetCache } from "./db/asset-cache";
import type { Database } from "./db/client";
import type { Storage } from "./storage/s3";
import type { EventMessage } from "./webhooks/event-message";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    db: Database;
    storage: Storage;
    assetCache: AssetCache;
    eventQueue: Queue<EventMessage>;
    workspaceId: string;
    /** The id of the API key the request authenticated with: assets record it as `created_by_id`. */
    apiKeyId: string;
  };
}
