import { assetsResource } from "./assets.js";
import { createTransport, type TransportOptions } from "./transport.js";
import { webhooksResource } from "./webhooks.js";

export type ClientOptions = TransportOptions;

/**
 * A typed client for the asset service. It only needs `fetch`, so it runs in Workers, Node and browsers:
 *
 *   const client = createClient({ baseUrl: "https://assets.example.com", apiKey });
 *   for await (const asset of client.assets.listAll({ type: "image" })) console.log(asset.file_name);
 */
export function createClient(options: ClientOptions) {
  const transport = createTransport(options);
  return { assets: assetsResource(transport), webhooks: webhooksResource(transport) };
}

export type AssetServiceClient = ReturnType<typeof createClient>;
export { AssetServiceError } from "./errors.js";
export type { FetchLike, RetryOptions } from "./transport.js";
export type * from "./types.js";
