import type { RouteHandler } from "@hono/zod-openapi";
import { toAssetFields } from "../../assets/api-fields";
import { completeUpload } from "../../assets/complete-upload";
import { assertSizeWithin } from "../../assets/limits";
import { draftAsset } from "../../assets/new-asset";
import { toApiAsset } from "../../assets/serialize";
import { startUpload } from "../../assets/start-upload";
import { findAsset } from "../../db/assets";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import type * as routes from "./uploads.routes";

type Handler<R extends keyof typeof routes> = RouteHandler<(typeof routes)[R], AppEnv>;

export const createUpload: Handler<"createUpload"> = async (c) => {
  const body = c.req.valid("json");
  const { config, db, storage, workspaceId } = c.var;
  assertSizeWithin(config.MAX_DIRECT_UPLOAD_BYTES, body.file_size, "MAX_DIRECT_UPLOAD_BYTES");
  const draft = draftAsset(config, workspaceId, {
    fileName: body.file_name,
    contentType: body.content_type,
    ...toAssetFields(body),
  });
  const { row, upload } = await startUpload({ config, db, storage }, draft, body.file_size);
  return c.json({ data: { asset: toApiAsset(row, storage), upload } }, 201);
};

export const complete: Handler<"complete"> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const { db, storage, workspaceId } = c.var;
  const row = await findAsset(db, workspaceId, id);
  if (!row) throw new ApiError("not_found", "Asset not found.");
  const parts = body?.parts?.map((part) => ({ partNumber: part.part_number, etag: part.etag }));
  const ready = await completeUpload(db, storage, row, parts);
  return c.json({ data: toApiAsset(ready, storage) }, 200);
};
