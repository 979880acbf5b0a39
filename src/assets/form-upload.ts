import type { Config } from "../config";
import type { AssetRow } from "../db/schema";
import { ApiError } from "../errors";
import type { Services } from "../services";
import { uploadStream } from "../storage/stream-upload";
import { abandonObject } from "./abandon-object";
import { discardWrite } from "./discard-write";
import { assertFilePartHeaders } from "./file-part";
import { type FieldValues, missingFile, parseUploadFields } from "./form-fields";
import type { FormFile, FormParts } from "./form-parts";
import { type AssetDraft, draftAsset } from "./new-asset";
import { saveReadyAsset } from "./save-ready-asset";

const FILE_FIELD = "file";

const onlyOneFile = (name: string) =>
  new ApiError("invalid_request", "Send exactly one file, in the part named file.", {
    [name]: name === FILE_FIELD ? "appears more than once" : "only the file part may carry a file",
  });

/** Reads fields until the file part; null when the form ended without one. */
async function fieldsBeforeFile(form: FormParts, values: FieldValues): Promise<FormFile | null> {
  for (let part = await form.next(); part; part = await form.next()) {
    if (part.kind === "file") {
      if (part.name !== FILE_FIELD) throw onlyOneFile(part.name);
      return part;
    }
    values[part.name] = part.value;
  }
  return null;
}

async function fieldsAfterFile(form: FormParts, values: FieldValues): Promise<void> {
  for (let part = await form.next(); part; part = await form.next()) {
    if (part.kind === "file") throw onlyOneFile(part.name);
    values[part.name] = part.value;
  }
}

interface UploadContext {
  config: Config;
  workspaceId: string;
  createdById?: string;
}

/** A form upload as it arrives: its parts, and the API key that sends it. */
export interface FormUploadInput {
  form: FormParts;
  createdById?: string;
}

/**
 * Everything about the stored bytes (id, key, content type) is fixed when the file part begins,
 * from the fields sent before it; fields sent after it may still describe the asset and are
 * checked once the bytes are stored.
 */
function describeAsset(upload: UploadContext, values: FieldValues, file: FormFile, bytes?: AssetDraft) {
  // The part's own headers first: a control character or a type that is not exactly type/subtype
  // refuses the upload before a byte of the body is read.
  assertFilePartHeaders(file.fileName ?? "", file.contentType);
  const fields = parseUploadFields(values);
  const draft = draftAsset(
    upload.config,
    upload.workspaceId,
    {
      ...fields,
      fileName: fields.fileName ?? file.fileName ?? "file",
      contentType: bytes?.contentType ?? file.contentType,
      contentTypeField: "file",
      createdById: upload.createdById,
    },
    "upload",
  );
  return bytes
    ? { ...draft, id: bytes.id, storageKey: bytes.storageKey, createdAt: bytes.createdAt, updatedAt: bytes.updatedAt }
    : draft;
}

/**
 * Stores a multipart form upload as a ready asset while the request streams in: the file part
 * goes to storage part by part, never whole in memory. On any failure after the first byte was
 * sent, whatever may have reached storage is owed for deletion and deleted at once when it can be.
 */
export async function formUpload(services: Services, workspaceId: string, input: FormUploadInput): Promise<AssetRow> {
  const { config, storage } = services;
  const { form } = input;
  const upload = { config, workspaceId, createdById: input.createdById };
  const values: FieldValues = {};
  let file: FormFile | null;
  let bytes: AssetDraft;
  try {
    file = await fieldsBeforeFile(form, values);
    if (!file) throw missingFile(values, FILE_FIELD);
    bytes = describeAsset(upload, values, file);
  } catch (error) {
    await form.cancel();
    throw error;
  }
  let multipartId: string | null = null;
  let draft: AssetDraft;
  let fileSize: number;
  try {
    fileSize = await uploadStream(storage, file.body, {
      key: bytes.storageKey,
      contentType: bytes.contentType,
      length: null,
      maxBytes: config.MAX_UPLOAD_BYTES,
      field: FILE_FIELD,
      multipartThreshold: config.MULTIPART_THRESHOLD_BYTES,
      partSize: config.STREAMED_PART_SIZE_BYTES,
      onMultipartStarted: (uploadId) => {
        multipartId = uploadId;
      },
    });
    await fieldsAfterFile(form, values);
    draft = describeAsset(upload, values, file, bytes);
  } catch (error) {
    await form.cancel();
    await discardWrite(services, bytes.storageKey, multipartId, "the form upload failed");
    throw error;
  }
  return saveReadyAsset(services, { ...draft, fileSize }).catch(async (error: unknown) => {
    await abandonObject(services, draft.storageKey, "the asset row could not be written");
    throw error;
  });
}
