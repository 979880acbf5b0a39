import type { FormParts } from "../assets/form-parts";
import type { Config } from "../config";
import { ApiError } from "../errors";
import { readFormParts } from "./form-parts";

// Text fields are small (metadata is at most MAX_METADATA_BYTES of JSON, 1 MiB); framing is less.
const MAX_FIELD_BYTES = 2 * 1024 * 1024;
const FORM_OVERHEAD_BYTES = 4 * 1024 * 1024;
// The file and the seven documented fields, with room for a client's extras.
const MAX_PARTS = 24;

/**
 * Opens a form upload for streaming. What can be refused from the headers alone is refused
 * before a byte of the body is read: another media type, or a declared length over the limit.
 */
export function openUploadForm(request: Request, config: Config): FormParts {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the file as multipart/form-data.", {
      body: "must be multipart/form-data with a boundary",
    });
  }
  const maxBodyBytes = config.MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBodyBytes) {
    throw new ApiError("payload_too_large", `Files are limited to ${config.MAX_UPLOAD_BYTES} bytes.`, {
      file: `the request body declares ${declared} bytes; the limit is ${config.MAX_UPLOAD_BYTES} for the file`,
    });
  }
  return readFormParts(request, { maxBodyBytes, maxFieldBytes: MAX_FIELD_BYTES, maxParts: MAX_PARTS });
}
