import type { ListQueryInput } from "../assets/list-query";
import { ListQuery } from "../contract/assets.schemas";
import { fieldDetails } from "../errors";

export const GALLERY_PATH = "/ui/assets";

// The order of parameters in the URLs the gallery writes: filters first, then paging.
const PARAMS = [
  "type",
  "provider",
  "agent_id",
  "execution_id",
  "created_after",
  "created_before",
  "limit",
  "page",
  "cursor",
] as const satisfies readonly (keyof ListQueryInput)[];

export const FILTER_PARAMS = ["type", "provider", "agent_id", "execution_id"] as const;

const DEFAULT_LIMIT = ListQuery.parse({}).limit;

export type GalleryQuery =
  | { ok: true; query: ListQueryInput; hadBlanks: boolean }
  | { ok: false; details: Record<string, unknown> };

/**
 * The gallery takes the API's list query, so a filtered view can be shared as a link.
 * Blank form fields mean "any" and are dropped before validation.
 */
export function parseGalleryQuery(search: URLSearchParams): GalleryQuery {
  const present = [...search.entries()].filter(([, value]) => value.trim() !== "");
  const parsed = ListQuery.safeParse(Object.fromEntries(present));
  if (!parsed.success) return { ok: false, details: fieldDetails(parsed.error.issues, "query") };
  return { ok: true, query: parsed.data, hadBlanks: present.length < [...search.keys()].length };
}

/** The query string for a gallery view, in a stable order and without defaults. */
export function galleryQueryString(query: Partial<ListQueryInput>): string {
  const search = new URLSearchParams();
  for (const name of PARAMS) {
    const value = query[name];
    if (value === undefined || (name === "limit" && value === DEFAULT_LIMIT)) continue;
    search.set(name, String(value));
  }
  return search.toString();
}

export function galleryHref(query: Partial<ListQueryInput> = {}): string {
  const search = galleryQueryString(query);
  return search ? `${GALLERY_PATH}?${search}` : GALLERY_PATH;
}

/**
 * A gallery view carried through the detail and delete pages as `back`, re-validated and
 * rewritten on the way, so it can only ever point at the gallery.
 */
export function canonicalBack(back: string | undefined): string | undefined {
  if (!back) return undefined;
  const parsed = parseGalleryQuery(new URLSearchParams(back));
  return (parsed.ok && galleryQueryString(parsed.query)) || undefined;
}

export function galleryHrefFromBack(back: string | undefined): string {
  const search = canonicalBack(back);
  return search ? `${GALLERY_PATH}?${search}` : GALLERY_PATH;
}

export function hasFilters(query: ListQueryInput): boolean {
  return FILTER_PARAMS.some((name) => query[name] !== undefined) || !!query.created_after || !!query.created_before;
}
