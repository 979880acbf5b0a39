import type { RouteHandler } from "@hono/zod-openapi";
import { deleteAsset } from "../../assets/delete-asset";
import { getAsset, listAssetPage, signAssetById } from "../../assets/reads";
import { signingCacheControl } from "../../assets/signing";
import { assetNotFound } from "../../errors";
import { setJsonEtag } from "../../http/body-etag";
import type { AppEnv } from "../../types";
import type * as routes from "./assets.routes";

type Handler<R extends keyof typeof routes> = RouteHandler<(typeof routes)[R], AppEnv>;

// Records change with every write: caches may keep them but must ask again (the ETag makes that cheap).
const REVALIDATE = "private, no-cache";

export const list: Handler<"list"> = async (c) => {
  const page = await listAssetPage(c.var, c.var.workspaceId, { query: c.req.valid("query"), now: Date.now() });
  c.header("Cache-Control", REVALIDATE);
  await setJsonEtag(c, page);
  return c.json(page, 200);
};

export const get: Handler<"get"> = async (c) => {
  const data = await getAsset(c.var, c.var.workspaceId, c.req.valid("param").id);
  c.header("Cache-Control", REVALIDATE);
  await setJsonEtag(c, { data });
  return c.json({ data }, 200);
};

export const signedUrl: Handler<"signedUrl"> = async (c) => {
  const { id } = c.req.valid("param");
  const { expires_in, disposition } = c.req.valid("query");
  const now = Date.now();
  const data = await signAssetById(c.var, c.var.workspaceId, { id, expiresIn: expires_in, disposition, now });
  c.header("Cache-Control", signingCacheControl(c.var.config, expires_in, now));
  // The same URL is the same answer: `expires_at` moves with each second, but a cached copy's earlier
  // expiry only undersells the URL, so revalidation answers 304 for the whole signing window.
  await setJsonEtag(c, data.url, { weak: true });
  return c.json({ data }, 200);
};

export const remove: Handler<"remove"> = async (c) => {
  const deleted = await deleteAsset(c.var, c.var.workspaceId, c.req.valid("param").id);
  if (!deleted) throw assetNotFound();
  if (deleted.storage === "deleting") return c.json({ data: { id: deleted.row.id, status: "deleting" as const } }, 202);
  return c.body(null, 204);
};
