import type { z } from "@hono/zod-openapi";
import type { ListedAssetSchema, ListQuery } from "../contract/assets.schemas";
import { findAsset, findAssetsByIds, listAssets } from "../db/assets";
import type { AssetRow } from "../db/schema";
import { ApiError, assetNotFound } from "../errors";
import type { Services } from "../services";
import { toAssetFilters } from "./api-fields";
import { listPagination } from "./list-query";
import { toApiAsset } from "./serialize";
import { type SignRequest, signAsset } from "./signing";

/**
 * The asset's row, or the one not-found error when this workspace has no such asset. Ready rows
 * come from the isolate's cache when warm (db/asset-cache.ts bounds how stale they can be).
 */
export async function requireAsset({ db, assetCache }: Services, workspaceId: string, id: string) {
  const cached = assetCache.get(workspaceId, id);
  if (cached) return cached;
  const stamp = assetCache.stamp();
  const row = await findAsset(db, workspaceId, id);
  if (!row) throw assetNotFound();
  assetCache.set(row, stamp);
  return row;
}

export async function getAsset(services: Services, workspaceId: string, id: string) {
  return toApiAsset(await requireAsset(services, workspaceId, id), services.storage);
}

/** One page of assets, newest first; with include=signed_url each carries a download URL. */
export async function listAssetPage(
  { config, db, storage }: Services,
  workspaceId: string,
  { query, now }: { query: z.infer<typeof ListQuery>; now: number },
) {
  const { limit } = query;
  const { page, pagination } = listPagination(query);
  const result = await listAssets(db, workspaceId, toAssetFilters(query), pagination);
  const request: SignRequest = { expiresIn: query.expires_in, disposition: query.disposition, now };
  const data = await Promise.all(
    result.rows.map(async (row): Promise<z.infer<typeof ListedAssetSchema>> => {
      const asset = toApiAsset(row, storage);
      if (query.include !== "signed_url") return asset;
      const signed = await signAsset(storage, config, row, request);
      return { ...asset, signed_url: signed.url, signed_url_expires_at: signed.expires_at };
    }),
  );
  return {
    data,
    meta: {
      total: result.total,
      page,
      limit,
      total_pages: Math.ceil(result.total / limit),
      next_cursor: result.nextCursor,
      total_exact: result.totalExact,
    },
  };
}

export async function signAssetById(
  services: Services,
  workspaceId: string,
  { id, ...request }: SignRequest & { id: string },
) {
  const row = await requireAsset(services, workspaceId, id);
  return signAsset(services.storage, services.config, row, request);
}

export type BatchItem =
  | { id: string; url: string; expires_at: string }
  | { id: string; error: { code: string; message: string } };

/** The rows of these ids: cached ones from the isolate's cache, the rest with one query (none if all are warm). */
async function findRows({ db, assetCache }: Services, workspaceId: string, ids: readonly string[]) {
  const rows = new Map<string, AssetRow>();
  const missing: string[] = [];
  for (const id of ids) {
    const cached = assetCache.get(workspaceId, id);
    if (cached) rows.set(id, cached);
    else missing.push(id);
  }
  if (missing.length === 0) return rows;
  const stamp = assetCache.stamp();
  for (const row of await findAssetsByIds(db, workspaceId, missing)) {
    rows.set(row.id, row);
    assetCache.set(row, stamp);
  }
  return rows;
}

/**
 * Signs many assets with at most one database query, answering in input order. An asset that cannot be
 * signed (unknown, another workspace's, or refused by signAsset) becomes that item's error alone.
 */
export async function signAssetBatch(
  services: Services,
  workspaceId: string,
  { ids, ...request }: SignRequest & { ids: readonly string[] },
): Promise<BatchItem[]> {
  const { config, storage } = services;
  const rows = await findRows(services, workspaceId, ids);
  return Promise.all(
    ids.map(async (id): Promise<BatchItem> => {
      const row = rows.get(id);
      try {
        if (!row) throw assetNotFound();
        const { url, expires_at } = await signAsset(storage, config, row, request);
        return { id, url, expires_at };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { id, error: { code: error.code, message: error.message } };
      }
    }),
  );
}
