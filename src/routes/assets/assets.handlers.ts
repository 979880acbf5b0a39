import type { RouteHandler } from "@hono/zod-openapi";
import { abandonObject } from "../../assets/abandon-object";
import { assertSizeWithin } from "../../assets/limits";
import { draftAsset } from "../../assets/new-asset";
import { toApiAsset } from "../../assets/serialize";
import { assertSignable } from "../../assets/status";
import { findAsset, insertAsset, listAssets, removeAsset } from "../../db/assets";
import { ApiError } from "../../errors";
import { discardUpload } from "../../lifecycle/discard";
import type { AppEnv } from "../../types";
import type * as routes from "./assets.routes";
import { MetadataObject } from "./assets.schemas";
import { toAssetFilters } from "./filters";

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
  assertSizeWithin(config.MAX_UPLOAD_BYTES, form.file.size, "MAX_UPLOAD_BYTES", "file");
  const draft = draftAsset(config, workspaceId, {
    fileName: form.file_name ?? form.file.name,
    contentType: form.file.type,
    type: form.type,
    provider: form.provider,
    executionId: form.execution_id,
    agentId: form.agent_id,
    metadata: parseMetadata(form.metadata),
    expiresAt: form.expires_at,
  });
  await storage.put(draft.storageKey, form.file, draft.contentType);
  const row = await insertAsset(db, { ...draft, fileSize: form.file.size }).catch(async (error: unknown) => {
    await abandonObject(db, storage, draft.storageKey, "the asset row could not be written");
    throw error;
  });
  return c.json({ data: toApiAsset(row, storage) }, 201);
};

export const list: Handler<"list"> = async (c) => {
  const query = c.req.valid("query");
  const { limit } = query;
  const page = query.cursor ? 1 : (query.page ?? 1);
  const result = await listAssets(
    c.var.db,
    c.var.workspaceId,
    toAssetFilters(query),
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
  assertSignable(row);
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
  // An unfinished upload may hold multipart parts to abort, which storage can be slow to confirm.
  if (row.status === "pending" && (await discardUpload(db, storage, row))) return c.body(null, 204);
  // Object first: if storage fails the row stays and the asset remains usable.
  await storage.delete(row.storageKey);
  if (!(await removeAsset(db, workspaceId, id))) throw assetNotFound();
  return c.body(null, 204);
};
