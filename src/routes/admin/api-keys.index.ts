import { requireAdmin } from "../../auth/middleware";
import { createRouter } from "../create-router";
import * as handlers from "./api-keys.handlers";
import * as routes from "./api-keys.routes";

const apiKeys = createRouter();

apiKeys.use("*", requireAdmin, async (c, next) => {
  await next();
  // Admin answers describe credentials; no cache may keep them.
  c.header("Cache-Control", "no-store");
});

export default apiKeys
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.revoke, handlers.revoke);
