import { ApiError } from "../errors";
import { parseMediaType } from "./media-type";

const UNSPECIFIC = "application/octet-stream";

/**
 * The content type an import stores, and the input to blame for it. The source's own header is
 * what browsers will be told, so it must itself be exactly `type/subtype` (415 naming source_url)
 * and, when it names a type, it is stored: a declared `content_type` must agree with it. Only when
 * the source says nothing useful (no header, or application/octet-stream) does the declared type,
 * or a guess from the file name, decide.
 */
export function importContentType(
  declared: string | undefined,
  sourceHeader: string | null,
): { contentType: string | undefined; contentTypeField: string } {
  const fromSource = sourceHeader ? parseMediaType(sourceHeader, "source_url") : null;
  const wanted = declared ? parseMediaType(declared, "content_type") : undefined;
  if (!fromSource || fromSource === UNSPECIFIC) return { contentType: wanted, contentTypeField: "content_type" };
  if (wanted && wanted !== fromSource) {
    throw new ApiError("unsupported_media_type", `The source sent ${fromSource}, not ${wanted}.`, {
      content_type: `must agree with the source's Content-Type, ${fromSource}`,
    });
  }
  return { contentType: fromSource, contentTypeField: "source_url" };
}
