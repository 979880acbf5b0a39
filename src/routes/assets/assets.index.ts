import { OpenAPIHono } from "@hono/zod-openapi";
import { requireApiKey } from "../../auth/middleware";
import type { AppEnv } from "../../types";
import { validationHook } from "../../validation";
import * as handlers from "./assets.handlers";
import * as routes from "./assets.routes";
import { uploadBodyLimit } from "./upload-limit";

const assets = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

assets.use("*", requireApiKey);
assets.post("/", uploadBodyLimit);

export default assets
  .openapi(routes.upload, handlers.upload)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.signedUrl, handlers.signedUrl)
  .openapi(routes.remove, handlers.remove);
