import { WorkerEntrypoint } from "cloudflare:workers";
import type { z } from "@hono/zod-openapi";
import { deleteAsset } from "./assets/delete-asset";
import { getAsset, listAssetPage, signAssetBatch, signAssetById } from "./assets/reads";
import { WorkspaceId } from "./contract/api-keys.schemas";
import { type ListParams, ListQuery } from "./contract/assets.schemas";
import { AssetIdParam } from "./contract/fields";
import { BatchSignedUrlBody, SignOptionsBody } from "./contract/signing.schemas";
import { openSession } from "./db/session";
import { ApiError, assetNotFound, describeError, type ErrorBody, fieldDetails } from "./errors";
import { createServices, type Services } from "./services";

/** `expires_in` and `disposition`, as in the REST API. */
export type SignOptions = z.input<typeof SignOptionsBody>;
/** RPC types only what it can serialize: metadata and error details, typed `unknown`, are JSON values. */
type Jsonify<T> = T extends unknown
  ? unknown extends T
    ? string | number | boolean | null | object
    : { [K in keyof T]: Jsonify<T[K]> }
  : never;
/** Exactly the REST answer's body: `{data}` (and `meta` for lists), or `{error: {code, message, details}}`. */
export type RpcResult<T> = Jsonify<T | ErrorBody>;

function parse<T extends z.ZodType>(schema: T, value: unknown, field: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError("invalid_request", "The request is invalid.", fieldDetails(result.error.issues, field));
  }
  return result.data;
}

// A module function rather than a method: every method of the entrypoint is callable over RPC.
async function answer<T>(env: Env, work: (services: Services) => Promise<T>): Promise<RpcResult<T>> {
  let result: T | ErrorBody;
  try {
    result = await work(createServices(env, openSession(env.DB, undefined)));
  } catch (error) {
    result = describeError(error).body;
  }
  // Metadata was parsed from JSON and details are built from strings: both are JSON already.
  return result as RpcResult<T>;
}

/**
 * For Workers bound to this one with a service binding (`entrypoint = "AssetsRpc"`). The binding is the
 * credential: callers name the workspace directly, and get the same shapes as the REST API, with
 * errors returned as `{error}` values rather than thrown, since RPC keeps only an Error's message.
 */
export class AssetsRpc extends WorkerEntrypoint<Env> {
  list(workspaceId: string, query: ListParams = {}) {
    return answer(this.env, (services) =>
      listAssetPage(services, parse(WorkspaceId, workspaceId, "workspace_id"), {
        query: parse(ListQuery, query, "query"),
        now: Date.now(),
      }),
    );
  }

  get(workspaceId: string, id: string) {
    return answer(this.env, async (services) => ({
      data: await getAsset(
        services,
        parse(WorkspaceId, workspaceId, "workspace_id"),
        parse(AssetIdParam, { id }, "id").id,
      ),
    }));
  }

  signedUrl(workspaceId: string, id: string, options: SignOptions = {}) {
    return answer(this.env, async (services) => {
      const workspace = parse(WorkspaceId, workspaceId, "workspace_id");
      const asset = parse(AssetIdParam, { id }, "id");
      const { expires_in, disposition } = parse(SignOptionsBody, options, "options");
      const request = { id: asset.id, expiresIn: expires_in, disposition, now: Date.now() };
      return { data: await signAssetById(services, workspace, request) };
    });
  }

  signedUrls(workspaceId: string, ids: string[], options: SignOptions = {}) {
    return answer(this.env, async (services) => {
      const workspace = parse(WorkspaceId, workspaceId, "workspace_id");
      const body = parse(BatchSignedUrlBody, { ...options, ids }, "options");
      const request = { ids: body.ids, expiresIn: body.expires_in, disposition: body.disposition, now: Date.now() };
      return { data: await signAssetBatch(services, workspace, request) };
    });
  }

  /**
   * Deletes like `DELETE /api/v1/assets/{id}`: `status` is "deleted" where REST answers 204 and
   * "deleting" where it answers 202 (gone from every read path; the file is still owed).
   */
  delete(workspaceId: string, id: string) {
    return answer(this.env, async (services) => {
      const workspace = parse(WorkspaceId, workspaceId, "workspace_id");
      const deleted = await deleteAsset(services, workspace, parse(AssetIdParam, { id }, "id").id);
      if (!deleted) throw assetNotFound();
      return { data: { id: deleted.row.id, status: deleted.storage } };
    });
  }
}
