import type { RouteHandler } from "@hono/zod-openapi";
import { signAssetBatch } from "../../assets/reads";
import { signingCacheControl } from "../../assets/signing";
import type { AppEnv } from "../../types";
import type * as routes from "./signed-urls.routes";

export const signedUrls: RouteHandler<typeof routes.signedUrls, AppEnv> = async (c) => {
  const { ids, expires_in, disposition } = c.req.valid("json");
  const now = Date.now();
  const data = await signAssetBatch(c.var, c.var.workspaceId, { ids, expiresIn: expires_in, disposition, now });
  c.header("Cache-Control", signingCacheControl(c.var.config, expires_in, now));
  return c.json({ data }, 200);
};
