import { FormUploadBody } from "../contract/ingest.schemas";
import { ApiError, fieldDetails } from "../errors";
import { parseJsonObject, toAssetFields } from "./api-fields";
import type { AssetInput } from "./new-asset";

/** The form's text fields by name; a repeated name keeps its last value, as form parsers do. */
export type FieldValues = Record<string, string>;

// The documented form without its file part, which streams past the validator.
const UploadFields = FormUploadBody.omit({ file: true });

const invalid = (details: Record<string, unknown>) =>
  new ApiError("invalid_request", "The request is invalid.", details);

/** Validates the text fields of an upload form. */
export function parseUploadFields(values: FieldValues): Omit<AssetInput, "fileName" | "contentType"> & {
  fileName?: string;
} {
  const parsed = UploadFields.safeParse(values);
  if (!parsed.success) throw invalid(fieldDetails(parsed.error.issues));
  const fields = parsed.data;
  const metadata = parseJsonObject("metadata", fields.metadata);
  const config = parseJsonObject("config", fields.config);
  return { ...toAssetFields({ ...fields, metadata, config }), fileName: fields.file_name };
}

/** A form without a file: one 400 names it beside any bad field. */
export function missingFile(values: FieldValues, fileField: string): ApiError {
  const parsed = UploadFields.safeParse(values);
  return invalid({ ...(parsed.success ? {} : fieldDetails(parsed.error.issues)), [fileField]: "must be a file part" });
}
