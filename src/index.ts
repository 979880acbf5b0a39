import { createApp } from "./app";
import { scheduled } from "./cleanup/scheduled";

export { AssetsRpc } from "./rpc";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Env>;
