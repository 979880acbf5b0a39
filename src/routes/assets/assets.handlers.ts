import type { RouteHandler } from "@hono/zod-openapi";
import { resolveAssetType, resolveContentType, sanitizeFileName, storageKey } from "../../assets/media";
import { assetNotFound, getAsset, listAssetPage, requireAsset, signAssetById } from "../../assets/reads";
import { toApiAsset } from "../../assets/serialize";
import { signingCacheControl } from "../../assets/signing";
import { insertAsset, removeAsset } from "../../db/assets";
import { ApiError } from "../../errors";
import { newId } from "../../ids";
import type { AppEnv } from "../../types";
import type * as routes from "./assets.routes";
import { MetadataObject } from "./assets.schemas";

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
  if (form.file.size > config.MAX_UPLOAD_BYTES) {
    throw new ApiError("payload_too_large", `Files are limited to ${config.MAX_UPLOAD_BYTES} bytes.`, {
      file: `is ${form.file.size} bytes; the limit is ${config.MAX_UPLOAD_BYTES}`,
    });
  }
  const metadata = parseMetadata(form.metadata);
  const fileName = sanitizeFileName(form.file_name ?? form.file.name);
  const contentType = resolveContentType(form.file.type, fileName);
  const type = resolveAssetType(contentType, form.type);

  const now = Date.now();
  const id = newId(now);
  const key = storageKey(workspaceId, id, fileName);
  await storage.put(key, form.file, contentType);
  try {
    const row = await insertAsset(db, {
      id,
      workspaceId,
      executionId: form.execution_id ?? null,
      agentId: form.agent_id ?? null,
      type,
      provider: form.provider ?? null,
      fileName,
      fileSize: form.file.size,
      contentType,
      storageKey: key,
      metadata,
      createdAt: new Date(now).toISOString(),
    });
    return c.json({ data: toApiAsset(row, storage) }, 201);
  } catch (error) {
    // Without its row the object would be unreachable: remove it before reporting.
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
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
  const { db, storage, workspaceId } = c.var;
  const row = await requireAsset(db, workspaceId, id);
  // Object first: if storage fails the row stays and the asset remains usable.
  await storage.delete(row.storageKey);
  if (!(await removeAsset(db, workspaceId, id))) throw assetNotFound();
  return c.body(null, 204);
};
