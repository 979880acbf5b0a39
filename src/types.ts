import type { Config } from "./config";
import type { Database } from "./db/client";
import type { Storage } from "./storage/s3";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    db: Database;
    storage: Storage;
    workspaceId: string;
  };
}
