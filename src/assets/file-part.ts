import { ApiError } from "../errors";
import { hasControlCharacters, parseMediaType } from "./media-type";

/**
 * Checks a multipart form's file part by its headers alone, so a streaming parser can refuse it
 * before reading a byte of the body: a control character in its file name or Content-Type is a 400,
 * and a Content-Type other than exactly `type/subtype` a 415, both naming the `file` field. An empty
 * type is allowed: the type is then guessed from the file name.
 */
export function assertFilePartHeaders(fileName: string, contentType: string) {
  if (hasControlCharacters(fileName)) {
    throw new ApiError("invalid_request", "The file part's name contains control characters.", {
      file: "the file name must not contain control characters",
    });
  }
  if (contentType !== "") parseMediaType(contentType, "file");
}
