import { ApiError } from "../errors";

// RFC 6838 §4.2 restricted-name: a letter or digit, then up to 126 of these; no spaces, no commas,
// no parameters. Anything looser lets a client smuggle a second type past the checks (`image/png,
// text/html`), and storage would then serve it to browsers as sent.
const RESTRICTED_NAME = "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}";
const MEDIA_TYPE = new RegExp(`^${RESTRICTED_NAME}/${RESTRICTED_NAME}$`);
// C0 and C1 controls and DEL: never part of a header value a client may choose.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** True when the text carries a control character (CR, LF, NUL, …), which no header may. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** The lower-cased `type/subtype`, or null when the text is anything else. */
export function strictMediaType(text: string): string | null {
  const lower = text.toLowerCase();
  return MEDIA_TYPE.test(lower) ? lower : null;
}

/**
 * Validates a content type a client or a source supplied, wherever it came from (a form part's
 * header, a JSON field, a source's response): 400 naming `field` for control characters, 415 naming
 * it for anything but exactly `type/subtype`. Returns the lower-cased type.
 */
export function parseMediaType(text: string, field: string): string {
  if (hasControlCharacters(text)) {
    throw new ApiError("invalid_request", `${field} contains control characters.`, {
      [field]: "must not contain control characters",
    });
  }
  const type = strictMediaType(text);
  if (!type) {
    throw new ApiError("unsupported_media_type", `${field} is not a single type/subtype media type.`, {
      [field]: "must be exactly type/subtype (RFC 6838), without parameters or lists",
    });
  }
  return type;
}

/** Whether `type` matches an `ALLOWED_CONTENT_TYPES` entry: the exact type, or `top/*` for its top level. */
export function matchesAllowed(entry: string, type: string): boolean {
  if (entry.endsWith("/*")) return type.split("/")[0] === entry.slice(0, -2);
  return entry === type;
}
