import type { RouteHandler } from "@hono/zod-openapi";
import { toAssetFields, toCompletedParts } from "../../assets/api-fields";
import { completeDirectUpload as completeDirectUploadUseCase } from "../../assets/complete-direct-upload";
import { startDirectUpload } from "../../assets/direct-upload";
import { toApiAsset } from "../../assets/serialize";
import type { AppEnv } from "../../types";
import type * as routes from "./direct-upload.routes";

type Handler<R extends keyof typeof routes> = RouteHandler<(typeof routes)[R], AppEnv>;

export const createDirectUpload: Handler<"createDirectUpload"> = async (c) => {
  const body = c.req.valid("json");
  const { row, upload } = await startDirectUpload(c.var, c.var.workspaceId, {
    fileName: body.file_name,
    contentType: body.content_type,
    fileSize: body.file_size,
    ...toAssetFields(body),
    createdById: c.var.apiKeyId,
  });
  return c.json({ data: { asset: toApiAsset(row, c.var.storage), upload } }, 201);
};

export const completeDirectUpload: Handler<"completeDirectUpload"> = async (c) => {
  const { id } = c.req.valid("param");
  const parts = toCompletedParts(c.req.valid("json")?.parts);
  const ready = await completeDirectUploadUseCase(c.var, c.var.workspaceId, { id, parts });
  return c.json({ data: toApiAsset(ready, c.var.storage) }, 200);
};
