import { once } from "node:events";
import type { Server } from "node:http";

/** Starts `server` on a free port of 127.0.0.1; `close` also ends connections still open (hanging routes). */
export async function listenOnLoopback(server: Server) {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
