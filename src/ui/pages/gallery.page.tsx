import type { ListQueryInput } from "../../assets/list-query";
import type { ListedAsset } from "../../contract/assets.schemas";
import { AssetCard } from "../components/asset-card";
import { EmptyState } from "../components/empty-state";
import { FilterForm } from "../components/filter-form";
import { Layout } from "../components/layout";
import { Pagination } from "../components/pagination";
import { galleryQueryString, hasFilters } from "../gallery-query";

export interface GalleryPageProps {
  nonce?: string;
  workspaceId: string;
  origin: string;
  query: ListQueryInput;
  items: ListedAsset[];
  total: number;
  nextCursor: string | null;
  flash?: string;
}

export function GalleryPage(props: GalleryPageProps) {
  const { query, items, total } = props;
  const back = galleryQueryString(query);
  const detailHref = (id: string) => `/ui/assets/${id}${back ? `?${new URLSearchParams({ back })}` : ""}`;
  return (
    <Layout title="Assets" nonce={props.nonce} workspaceId={props.workspaceId}>
      <div class="summary">
        <h1>Assets</h1>
        <p class="muted">
          {total === 1 ? "1 asset" : `${total} assets`}
          {hasFilters(query) ? " match these filters" : ""}
        </p>
      </div>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <p class="error" id="preview-problem" role="alert" hidden>
        Some previews could not be loaded from storage. Reload the page to try again.
      </p>
      <FilterForm query={query} />
      {items.length === 0 ? (
        <EmptyState filtered={hasFilters(query) || query.cursor !== undefined} origin={props.origin} />
      ) : (
        <ul class="grid" aria-label="Assets">
          {items.map((asset) => (
            <AssetCard asset={asset} detailHref={detailHref(asset.id)} />
          ))}
        </ul>
      )}
      <Pagination query={query} nextCursor={props.nextCursor} />
    </Layout>
  );
}
