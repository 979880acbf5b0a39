import type { ListQueryInput } from "../../assets/list-query";
import { galleryHref } from "../gallery-query";

/** Cursor paging walks from newest to oldest; "Newest" returns to the first page. */
export function Pagination({ query, nextCursor }: { query: ListQueryInput; nextCursor: string | null }) {
  const paged = query.cursor !== undefined || (query.page ?? 1) > 1;
  if (!paged && !nextCursor) return null;
  const first = { ...query, cursor: undefined, page: undefined };
  return (
    <nav class="pagination" aria-label="Pages">
      {paged ? <a href={galleryHref(first)}>← Newest assets</a> : <span />}
      {nextCursor ? (
        <a href={galleryHref({ ...first, cursor: nextCursor })} rel="next">
          Older assets →
        </a>
      ) : null}
    </nav>
  );
}
