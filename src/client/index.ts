import { assetsResource } from "./assets";
import { createTransport, type TransportOptions } from "./transport";

export type ClientOptions = TransportOptions;

/**
 * A typed client for the asset service. It only needs `fetch`, so it runs in Workers, Node and browsers:
 *
 *   const client = createClient({ baseUrl: "https://assets.example.com", apiKey });
 *   for await (const asset of client.assets.listAll({ type: "image" })) console.log(asset.file_name);
 */
export function createClient(options: ClientOptions) {
  return { assets: assetsResource(createTransport(options)) };
}

export type AssetServiceClient = ReturnType<typeof createClient>;
export { AssetServiceError } from "./errors";
export type { FetchLike, RetryOptions } from "./transport";
export type * from "./types";
