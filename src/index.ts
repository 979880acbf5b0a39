import { createApp } from "./app";

export { AssetsRpc } from "./rpc";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
