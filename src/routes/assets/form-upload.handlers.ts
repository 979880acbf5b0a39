import type { RouteHandler } from "@hono/zod-openapi";
import { toFormUploadInput } from "../../assets/api-fields";
import { formUpload } from "../../assets/form-upload";
import { toApiAsset } from "../../assets/serialize";
import type { AppEnv } from "../../types";
import type * as routes from "./form-upload.routes";

export const formUploadHandler: RouteHandler<typeof routes.formUpload, AppEnv> = async (c) => {
  const row = await formUpload(c.var, c.var.workspaceId, toFormUploadInput(c.req.valid("form")));
  return c.json({ data: toApiAsset(row, c.var.storage) }, 201);
};
