import type { RouteHandler } from "@hono/zod-openapi";
import { resolveAssetType, resolveContentType, sanitizeFileName, storageKey } from "../../assets/media";
import { toApiAsset } from "../../assets/serialize";
import { findAsset, insertAsset, listAssets, removeAsset } from "../../db/assets";
import { ApiError } from "../../errors";
import { newId } from "../../ids";
import type { AppEnv } from "../../types";
import type * as routes from "./assets.routes";
import { MetadataObject } from "./assets.schemas";

type Handler<R extends keyof typeof routes> = RouteHandler<(typeof routes)[R], AppEnv>;

const assetNotFound = () => new ApiError("not_found", "Asset not found.");

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
  const query = c.req.valid("query");
  const { limit } = query;
  const page = query.cursor ? 1 : (query.page ?? 1);
  const result = await listAssets(
    c.var.db,
    c.var.workspaceId,
    {
      type: query.type,
      provider: query.provider,
      executionId: query.execution_id,
      agentId: query.agent_id,
      createdAfter: query.created_after ? new Date(query.created_after) : undefined,
      createdBefore: query.created_before ? new Date(query.created_before) : undefined,
    },
    query.cursor ? { limit, cursor: query.cursor } : { limit, page },
  );
  return c.json(
    {
      data: result.rows.map((row) => toApiAsset(row, c.var.storage)),
      meta: {
        total: result.total,
        page,
        limit,
        total_pages: Math.ceil(result.total / limit),
        next_cursor: result.nextCursor,
        total_exact: result.totalExact,
      },
    },
    200,
  );
};

export const get: Handler<"get"> = async (c) => {
  const row = await findAsset(c.var.db, c.var.workspaceId, c.req.valid("param").id);
  if (!row) throw assetNotFound();
  return c.json({ data: toApiAsset(row, c.var.storage) }, 200);
};

export const signedUrl: Handler<"signedUrl"> = async (c) => {
  const { id } = c.req.valid("param");
  const query = c.req.valid("query");
  const row = await findAsset(c.var.db, c.var.workspaceId, id);
  if (!row) throw assetNotFound();
  const expiresIn = query.expires_in ?? c.var.config.SIGNED_URL_TTL;
  // Signatures carry whole seconds, so the expiry is counted from the truncated signing time.
  const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const url = await c.var.storage.presignGet(row.storageKey, {
    expiresIn,
    disposition: query.disposition,
    fileName: row.fileName,
    now: signedAt,
  });
  const expiresAt = new Date(signedAt.getTime() + expiresIn * 1000).toISOString();
  return c.json({ data: { url, expires_at: expiresAt, expires_in: expiresIn } }, 200);
};

export const remove: Handler<"remove"> = async (c) => {
  const { id } = c.req.valid("param");
  const { db, storage, workspaceId } = c.var;
  const row = await findAsset(db, workspaceId, id);
  if (!row) throw assetNotFound();
  // Object first: if storage fails the row stays and the asset remains usable.
  await storage.delete(row.storageKey);
  if (!(await removeAsset(db, workspaceId, id))) throw assetNotFound();
  return c.body(null, 204);
};
