import type { RouteHandler } from "@hono/zod-openapi";
import { deleteAsset } from "../../assets/delete-asset";
import { assetFilters, listPagination } from "../../assets/list-query";
import { resolveAssetType, resolveContentType, sanitizeFileName, storageKey } from "../../assets/media";
import { toApiAsset } from "../../assets/serialize";
import { signAssetUrl } from "../../assets/sign-url";
import { findAsset, insertAsset, listAssets } from "../../db/assets";
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
  const { page, pagination } = listPagination(query);
  const result = await listAssets(c.var.db, c.var.workspaceId, assetFilters(query), pagination);
  return c.json(
    {
      data: result.rows.map((row) => toApiAsset(row, c.var.storage)),
      meta: {
        total: result.total,
        page,
        limit,
        total_pages: Math.ceil(result.total / limit),
        next_cursor: result.nextCursor,
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
  const signed = await signAssetUrl(c.var.storage, row, {
    expiresIn: query.expires_in ?? c.var.config.SIGNED_URL_TTL,
    disposition: query.disposition,
  });
  return c.json({ data: signed }, 200);
};

export const remove: Handler<"remove"> = async (c) => {
  const { id } = c.req.valid("param");
  const deleted = await deleteAsset(c.var.db, c.var.storage, c.var.workspaceId, id);
  if (!deleted) throw assetNotFound();
  return c.body(null, 204);
};
