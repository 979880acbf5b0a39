import { OpenAPIHono } from "@hono/zod-openapi";
import { etag } from "hono/etag";
import { requireApiKey } from "../../auth/middleware";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validationHook } from "../../validation";
import * as handlers from "./assets.handlers";
import * as routes from "./assets.routes";
import * as bulkDeleteHandlers from "./bulk-delete.handlers";
import * as bulkDeleteRoutes from "./bulk-delete.routes";
import * as importHandlers from "./import.handlers";
import * as importRoutes from "./import.routes";
import * as batchHandlers from "./signed-urls.handlers";
import * as batchRoutes from "./signed-urls.routes";
import { uploadBodyLimit } from "./upload-limit";
import * as uploadHandlers from "./uploads.handlers";
import * as uploadRoutes from "./uploads.routes";

const assets = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

assets.use("*", requireApiKey);
// Signed URLs repeat within a window, so repeated reads can be answered with 304 Not Modified.
assets.get("*", etag());
assets.post("/", uploadBodyLimit);

// Fixed paths come before `/{id}`, so `uploads`, `import` and `signed-urls` are never taken for an id.
assets.on(["GET", "PUT", "PATCH", "DELETE"], "/signed-urls", () => {
  throw new ApiError("method_not_allowed", "Sign a batch of URLs with POST /api/v1/assets/signed-urls.");
});

export default assets
  .openapi(uploadRoutes.createUpload, uploadHandlers.createUpload)
  .openapi(importRoutes.importFromUrl, importHandlers.importFromUrl)
  .openapi(batchRoutes.signedUrls, batchHandlers.signedUrls)
  .openapi(bulkDeleteRoutes.bulkDelete, bulkDeleteHandlers.bulkDelete)
  .openapi(routes.upload, handlers.upload)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.signedUrl, handlers.signedUrl)
  .openapi(uploadRoutes.complete, uploadHandlers.complete)
  .openapi(routes.remove, handlers.remove);
