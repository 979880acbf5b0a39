import type { RouteHandler } from "@hono/zod-openapi";
import { abandonObject } from "../../assets/abandon-object";
import { toAssetFields } from "../../assets/api-fields";
import { deleteAsset } from "../../assets/delete-asset";
import { assertSizeWithin } from "../../assets/limits";
import { draftAsset } from "../../assets/new-asset";
import { assetNotFound, getAsset, listAssetPage, signAssetById } from "../../assets/reads";
import { toApiAsset } from "../../assets/serialize";
import { signingCacheControl } from "../../assets/signing";
import { MetadataObject } from "../../contract/fields";
import { insertAsset } from "../../db/assets";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import type * as routes from "./assets.routes";

type Handler<R extends keyof typeof routes> = RouteHandler<(typeof routes)[R], AppEnv>;

// Records change with every write: caches may keep them but must ask again (the ETag makes that cheap).
const REVALIDATE = "private, no-cache";

function parseMetadata(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "metadata is not valid JSON.", { metadata: "must be valid JSON" });
  }
  const parsed = MetadataObject.safeParse(value);
  if (!parsed.success) {
    throw new ApiError("invalid_request", "metadata must be a JSON object.", { metadata: "must be a JSON object" });
  }
  return parsed.data;
}

export const upload: Handler<"upload"> = async (c) => {
  const form = c.req.valid("form");
  const { config, db, storage, workspaceId } = c.var;
  assertSizeWithin(config.MAX_UPLOAD_BYTES, form.file.size, "MAX_UPLOAD_BYTES", "file");
  const draft = draftAsset(config, workspaceId, {
    fileName: form.file_name ?? form.file.name,
    contentType: form.file.type,
    ...toAssetFields({ ...form, metadata: parseMetadata(form.metadata) }),
  });
  await storage.put(draft.storageKey, form.file, draft.contentType);
  const row = await insertAsset(db, { ...draft, fileSize: form.file.size }).catch(async (error: unknown) => {
    await abandonObject(db, storage, draft.storageKey, "the asset row could not be written");
    throw error;
  });
  return c.json({ data: toApiAsset(row, storage) }, 201);
};

export const list: Handler<"list"> = async (c) => {
  const page = await listAssetPage(c.var, c.var.workspaceId, c.req.valid("query"), Date.now());
  c.header("Cache-Control", REVALIDATE);
  return c.json(page, 200);
};

export const get: Handler<"get"> = async (c) => {
  const data = await getAsset(c.var, c.var.workspaceId, c.req.valid("param").id);
  c.header("Cache-Control", REVALIDATE);
  return c.json({ data }, 200);
};

export const signedUrl: Handler<"signedUrl"> = async (c) => {
  const { id } = c.req.valid("param");
  const { expires_in, disposition } = c.req.valid("query");
  const now = Date.now();
  const data = await signAssetById(c.var, c.var.workspaceId, id, { expiresIn: expires_in, disposition, now });
  c.header("Cache-Control", signingCacheControl(c.var.config, expires_in, now));
  return c.json({ data }, 200);
};

export const remove: Handler<"remove"> = async (c) => {
  const { id } = c.req.valid("param");
  const deleted = await deleteAsset(c.var.db, c.var.storage, c.var.workspaceId, id);
  if (!deleted) throw assetNotFound();
  return c.body(null, 204);
};
