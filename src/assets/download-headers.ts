import { strictMediaType } from "./media-type";

// Types a browser only ever displays or plays: no script, no document, no same-origin requests.
// Everything else (SVG, anything XML or HTML, formats added later) is downloaded, never rendered,
// because storage's origin is one edge sites embed and a public bucket cannot set a sandboxing CSP.
const PASSIVE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
  "audio/mpeg",
  "audio/wav",
  "audio/ogg",
  "audio/flac",
  "audio/mp4",
  "audio/aac",
  "audio/webm",
  "video/mp4",
  "video/webm",
  "video/ogg",
  "video/quicktime",
]);

export function isPassiveMediaType(contentType: string): boolean {
  return PASSIVE_TYPES.has(contentType);
}

export interface DownloadHeaders {
  /** `response-content-type`: always the stored, validated type, whatever header the object itself carries. */
  contentType: string;
  /** `response-content-disposition`; forced to attachment for anything not passive. */
  disposition: "inline" | "attachment" | undefined;
}

/**
 * The response headers a signed download URL makes storage send. A record from before strict
 * types (a type such as `image/png, text/html`) is served as an opaque download.
 */
export function downloadHeaders(storedType: string, requested: "inline" | "attachment" | undefined): DownloadHeaders {
  const contentType = strictMediaType(storedType) ?? "application/octet-stream";
  return { contentType, disposition: isPassiveMediaType(contentType) ? requested : "attachment" };
}
