import { OpenAPIHono } from "@hono/zod-openapi";
import { requireApiKey } from "../../auth/middleware";
import type { AppEnv } from "../../types";
import { validationHook } from "../../validation";
import * as handlers from "./assets.handlers";
import * as routes from "./assets.routes";
import * as bulkDeleteHandlers from "./bulk-delete.handlers";
import * as bulkDeleteRoutes from "./bulk-delete.routes";
import * as importHandlers from "./import.handlers";
import * as importRoutes from "./import.routes";
import { jsonBodyLimit } from "./json-limit";
import { uploadBodyLimit } from "./upload-limit";
import * as uploadHandlers from "./uploads.handlers";
import * as uploadRoutes from "./uploads.routes";

const assets = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

assets.use("*", requireApiKey);
assets.post("/", uploadBodyLimit);
assets.post("/uploads", jsonBodyLimit);
assets.post("/import", jsonBodyLimit);
assets.post("/:id/complete", jsonBodyLimit);

// The fixed paths come before `/{id}`, so `uploads` and `import` are never taken for an id.
export default assets
  .openapi(uploadRoutes.createUpload, uploadHandlers.createUpload)
  .openapi(importRoutes.importFromUrl, importHandlers.importFromUrl)
  .openapi(bulkDeleteRoutes.bulkDelete, bulkDeleteHandlers.bulkDelete)
  .openapi(routes.upload, handlers.upload)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.signedUrl, handlers.signedUrl)
  .openapi(uploadRoutes.complete, uploadHandlers.complete)
  .openapi(routes.remove, handlers.remove);
