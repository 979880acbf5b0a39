import type { Config } from "../config";
import type { AssetType, NewAssetRow } from "../db/schema";
import { ApiError } from "../errors";
import { newId } from "../ids";
import { assertAllowedContentType, assertMetadataSize } from "./limits";
import { resolveAssetType, resolveContentType, sanitizeFileName, storageKey } from "./media";
import { assertMetadataShape } from "./metadata-shape";

/** What a client says about a new asset, whichever way its bytes come in. */
export interface AssetInput {
  fileName: string;
  contentType?: string;
  /** The input that carried `contentType`, named in errors: `content_type` unless said otherwise. */
  contentTypeField?: string;
  type?: AssetType;
  provider?: string;
  executionId?: string;
  agentId?: string;
  metadata?: Record<string, unknown>;
  model?: string;
  prompt?: string;
  config?: Record<string, unknown>;
  expiresAt?: string;
  /** The id of the API key that creates the asset. */
  createdById?: string;
}

export type AssetDraft = Omit<NewAssetRow, "fileSize">;

/** The provider of an asset whose creator named none: how its bytes came in. */
export type DefaultProvider = "upload" | "import";

/** Validates the description against the limits and fixes the id, name, type and storage key. */
export function draftAsset(
  config: Config,
  workspaceId: string,
  input: AssetInput,
  defaultProvider: DefaultProvider,
  now = Date.now(),
): AssetDraft {
  const metadata = input.metadata ?? {};
  assertMetadataShape(metadata);
  assertMetadataSize(config, metadata);
  if (input.config) assertMetadataSize(config, input.config, "config");
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now) {
    throw new ApiError("invalid_request", "expires_at must be in the future.", {
      expires_at: "must be a future time",
    });
  }
  const fileName = sanitizeFileName(input.fileName);
  const contentType = resolveContentType(input.contentType, fileName, input.contentTypeField);
  const type = resolveAssetType(contentType, input.type);
  assertAllowedContentType(config, contentType);
  const id = newId(now);
  const createdAt = new Date(now).toISOString();
  return {
    id,
    workspaceId,
    executionId: input.executionId ?? null,
    agentId: input.agentId ?? null,
    type,
    provider: input.provider ?? defaultProvider,
    fileName,
    contentType,
    storageKey: storageKey(workspaceId, id, fileName),
    metadata,
    model: input.model ?? null,
    prompt: input.prompt ?? null,
    config: input.config ?? null,
    createdById: input.createdById ?? null,
    createdAt,
    updatedAt: createdAt,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}
