import type { Context } from "hono";
import { formUpload } from "../../assets/form-upload";
import { toApiAsset } from "../../assets/serialize";
import { openUploadForm } from "../../http/upload-form";
import type { AppEnv } from "../../types";

/** Not validated by hono: the body streams through `formUpload` instead of being parsed whole. */
export const formUploadHandler = async (c: Context<AppEnv>) => {
  const row = await formUpload(c.var, c.var.workspaceId, {
    form: openUploadForm(c.req.raw, c.var.config),
    createdById: c.var.apiKeyId,
  });
  return c.json({ data: toApiAsset(row, c.var.storage) }, 201);
};
