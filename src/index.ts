import { createApp } from "./app";
import { scheduled } from "./cleanup/scheduled";
import { queue } from "./events/queue";

export { AssetsRpc } from "./rpc";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled,
  queue,
} satisfies ExportedHandler<Env>;
