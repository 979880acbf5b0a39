import { etag } from "hono/etag";
import { requireApiKey } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { createRouter } from "../create-router";
import * as handlers from "./assets.handlers";
import * as routes from "./assets.routes";
import { bulkDeleteHandler } from "./bulk-delete.handlers";
import { bulkDelete } from "./bulk-delete.routes";
import * as directUploadHandlers from "./direct-upload.handlers";
import * as directUploadRoutes from "./direct-upload.routes";
import { formUploadHandler } from "./form-upload.handlers";
import { formUpload } from "./form-upload.routes";
import * as importHandlers from "./import.handlers";
import * as importRoutes from "./import.routes";
import * as batchHandlers from "./signed-urls.handlers";
import * as batchRoutes from "./signed-urls.routes";

const assets = createRouter();

assets.use("*", requireApiKey);
// Signed URLs repeat within a window, so repeated reads can be answered with 304 Not Modified.
assets.get("*", etag());
// The form upload reads its own body as a stream (src/http/upload-form.ts): its route is documented
// from its schema but added without hono's form validator, which would parse the whole body first.
assets.openAPIRegistry.registerPath(formUpload);
assets.post("/", formUploadHandler);

// Fixed paths come before `/{id}`, so `uploads`, `import` and `signed-urls` are never taken for an id.
assets.on(["GET", "PUT", "PATCH", "DELETE"], "/signed-urls", () => {
  throw new ApiError("method_not_allowed", "Sign a batch of URLs with POST /api/v1/assets/signed-urls.");
});

export default assets
  .openapi(directUploadRoutes.createDirectUpload, directUploadHandlers.createDirectUpload)
  .openapi(importRoutes.importFromUrl, importHandlers.importFromUrl)
  .openapi(batchRoutes.signedUrls, batchHandlers.signedUrls)
  .openapi(bulkDelete, bulkDeleteHandler)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.signedUrl, handlers.signedUrl)
  .openapi(directUploadRoutes.completeDirectUpload, directUploadHandlers.completeDirectUpload)
  .openapi(routes.remove, handlers.remove);
