import { flushDeletions } from "../cleanup/owed-deletions";
import type { AssetRow } from "../db/schema";
import { oweDeletion } from "../db/storage-deletions";
import type { Services } from "../services";
import { uploadStream } from "../storage/stream-upload";
import { abandonObject } from "./abandon-object";
import { openSource, sourceFailure, sourceFileName } from "./import-source";
import { importContentType } from "./import-type";
import { type AssetDraft, type AssetInput, draftAsset } from "./new-asset";
import { saveReadyAsset } from "./save-ready-asset";

export interface ImportRequest extends Omit<AssetInput, "fileName"> {
  sourceUrl: string;
  fileName?: string;
}

/** Waits for best-effort work, but never past the deadline; its failure is already recorded as owed. */
async function untilDeadline(work: Promise<unknown>, deadline: AbortSignal): Promise<void> {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  if (deadline.aborted) return;
  const stop = new Promise<void>((resolve) => deadline.addEventListener("abort", () => resolve(), { once: true }));
  await Promise.race([settled, stop]);
}

/**
 * Fetches a file from a URL and stores it as a ready asset, streaming it through. On any failure
 * whatever may have reached storage is owed for deletion, and deleted at once when storage allows.
 */
export async function importAsset(services: Services, workspaceId: string, request: ImportRequest): Promise<AssetRow> {
  const { config, db, storage } = services;
  const deadline = AbortSignal.timeout(config.IMPORT_TIMEOUT_MS);
  const source = await openSource(config, request.sourceUrl, deadline);
  let draft: AssetDraft;
  try {
    draft = draftAsset(
      config,
      workspaceId,
      {
        ...request,
        fileName: request.fileName ?? sourceFileName(source),
        ...importContentType(request.contentType, source.response.headers.get("Content-Type")),
      },
      "import",
    );
  } catch (error) {
    await source.body.cancel();
    throw error;
  }
  let multipartId: string | null = null;
  // The deletion is owed before it is tried, so the cleanup finishes it if storage stalls; the
  // answer does not wait for storage past the import deadline.
  const discard = async (reason: string) => {
    const owed = await oweDeletion(db, draft.storageKey, multipartId, reason);
    await untilDeadline(flushDeletions(services, [owed]), deadline);
  };
  let fileSize: number;
  try {
    fileSize = await uploadStream(storage, source.body, {
      key: draft.storageKey,
      contentType: draft.contentType,
      length: source.length,
      maxBytes: config.MAX_UPLOAD_BYTES,
      field: "source_url",
      multipartThreshold: config.MULTIPART_THRESHOLD_BYTES,
      partSize: config.STREAMED_PART_SIZE_BYTES,
      signal: deadline,
      onMultipartStarted: (uploadId) => {
        multipartId = uploadId;
      },
    });
  } catch (error) {
    const failure = sourceFailure(error, deadline);
    await discard(failure.message);
    throw failure;
  }
  return saveReadyAsset(services, { ...draft, fileSize }).catch(async (error: unknown) => {
    await abandonObject(services, draft.storageKey, "the asset row could not be written");
    throw error;
  });
}
