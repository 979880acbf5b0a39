import type { RouteHandler } from "@hono/zod-openapi";
import { toAssetFields } from "../../assets/api-fields";
import { importAsset } from "../../assets/import";
import { toApiAsset } from "../../assets/serialize";
import type { AppEnv } from "../../types";
import type * as routes from "./import.routes";

export const importFromUrl: RouteHandler<typeof routes.importFromUrl, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const row = await importAsset(c.var, c.var.workspaceId, {
    sourceUrl: body.source_url,
    fileName: body.file_name,
    contentType: body.content_type,
    ...toAssetFields(body),
    createdById: c.var.apiKeyId,
  });
  return c.json({ data: toApiAsset(row, c.var.storage) }, 201);
};
