import type { Config } from "../config";
import { ApiError } from "../errors";
import { matchesAllowed } from "./media-type";

/** `ALLOWED_CONTENT_TYPES` entries are exact types or `type/*`; the top level is the asset type. */
export function assertAllowedContentType(config: Config, contentType: string) {
  const allowed = config.ALLOWED_CONTENT_TYPES.some((entry) => matchesAllowed(entry, contentType));
  if (!allowed) {
    throw new ApiError("unsupported_media_type", `Content type ${contentType} is not accepted here.`, {
      content_type: `${contentType} is not one of ${config.ALLOWED_CONTENT_TYPES.join(", ")}`,
    });
  }
}

/** Metadata and config are stored on every row and returned in every listing, so their size is capped. */
export function assertMetadataSize(
  config: Config,
  value: Record<string, unknown>,
  field: "metadata" | "config" = "metadata",
) {
  const size = new TextEncoder().encode(JSON.stringify(value)).byteLength;
  if (size > config.MAX_METADATA_BYTES) {
    throw new ApiError("payload_too_large", `${field} is limited to ${config.MAX_METADATA_BYTES} bytes of JSON.`, {
      [field]: `is ${size} bytes; the limit is ${config.MAX_METADATA_BYTES}`,
    });
  }
}

export function assertSizeWithin(limit: number, size: number, setting: string, field = "file_size") {
  if (size > limit) {
    throw new ApiError("payload_too_large", `Files on this path are limited to ${limit} bytes (${setting}).`, {
      [field]: `is ${size} bytes; the limit is ${limit}`,
    });
  }
}
