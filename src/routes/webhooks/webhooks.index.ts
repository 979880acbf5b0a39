import { requireApiKey } from "../../auth/middleware";
import { createRouter } from "../create-router";
import * as deliveryRoutes from "./deliveries.routes";
import * as handlers from "./webhooks.handlers";
import * as routes from "./webhooks.routes";

const webhooks = createRouter();

webhooks.use("*", requireApiKey, async (c, next) => {
  await next();
  // Answers may carry a signing secret; none is worth caching.
  c.header("Cache-Control", "no-store");
});

export default webhooks
  .openapi(routes.create, handlers.create)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.rotateSecret, handlers.rotateSecret)
  .openapi(deliveryRoutes.listDeliveries, handlers.listDeliveries)
  .openapi(deliveryRoutes.retryDelivery, handlers.retryDelivery);
