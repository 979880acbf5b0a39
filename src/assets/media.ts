import { type AssetType, assetTypes } from "../db/schema";
import { ApiError } from "../errors";
import { parseMediaType } from "./media-type";

const MAX_FILE_NAME_LENGTH = 255;

const typeByExtension: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  flac: "audio/flac",
  m4a: "audio/mp4",
  aac: "audio/aac",
  mp4: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
};

/**
 * Drops path separators, control characters and invisible format characters (Unicode Cf: bidi
 * overrides such as U+202E, zero-width joiners, BOMs), which make a name read as something it is
 * not (`gnp.exe` shown as `exe.png`); what is left is the name users see.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\]/gu, "")
    .trim()
    .replace(/^\.+$/, "");
  return Array.from(cleaned).slice(0, MAX_FILE_NAME_LENGTH).join("") || "file";
}

/** Storage keys are ours alone: workspace, asset id and an ASCII-safe form of the name. */
export function storageKey(workspaceId: string, assetId: string, fileName: string): string {
  const safe = fileName
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(-100);
  return `${workspaceId}/${assetId}/${safe || "file"}`;
}

/**
 * The declared content type (strictly `type/subtype`, see media-type.ts), or one guessed from the
 * file extension when none or only `application/octet-stream` was declared. `field` names the input
 * in errors.
 */
export function resolveContentType(declared: string | undefined, fileName: string, field = "content_type"): string {
  const type = declared ? parseMediaType(declared, field) : undefined;
  if (type && type !== "application/octet-stream") return type;
  return guessContentType(fileName) ?? type ?? "application/octet-stream";
}

export function guessContentType(fileName: string): string | undefined {
  const extension = fileName.split(".").pop()?.toLowerCase() ?? "";
  return typeByExtension[extension];
}

/** `type` must agree with the content type's top level; it is inferred when omitted. */
export function resolveAssetType(contentType: string, declared: AssetType | undefined): AssetType {
  const topLevel = contentType.split("/")[0];
  const inferred = assetTypes.find((type) => type === topLevel);
  if (!inferred) {
    throw new ApiError("unsupported_media_type", `Content type ${contentType} is not audio, image or video.`, {
      content_type: `expected audio/*, image/* or video/*, got ${contentType}`,
    });
  }
  if (declared && declared !== inferred) {
    throw new ApiError("unsupported_media_type", `Content type ${contentType} does not match type ${declared}.`, {
      content_type: `expected ${declared}/*, got ${contentType}`,
    });
  }
  return inferred;
}
