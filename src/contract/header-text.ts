import { z } from "@hono/zod-openapi";

// C0 and C1 controls and DEL. A CR or LF in a value that ends up in a header (Content-Type,
// Content-Disposition) would split it; a NUL truncates it in some stores. Checked before trimming,
// so a trailing CRLF is refused rather than silently dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Text that may reach a header: a 400 naming the field when it holds a control character. */
export const HeaderText = z.string().refine((text) => !CONTROL_CHARACTERS.test(text), {
  message: "must not contain control characters",
});

/** A file name a client supplies; invisible format characters are dropped later (sanitizeFileName). */
export const FileNameText = HeaderText.trim().min(1).max(1024);

/** A declared content type; its grammar (exactly type/subtype) is checked with a 415 when the asset is drafted. */
export const ContentTypeText = HeaderText.trim().min(1).max(255);
