import type { ListedAsset } from "../../contract/assets.schemas";
import { formatBytes, formatRelativeTime, formatTimestamp } from "../format";
import { AssetPreview } from "./asset-preview";

export interface AssetCardProps {
  /** Listed with include=signed_url, so it carries its preview URL. */
  asset: ListedAsset;
  detailHref: string;
}

const orDash = (value: string | null) => value ?? "—";

export function AssetCard({ asset, detailHref }: AssetCardProps) {
  return (
    <li class="card" data-asset-id={asset.id} data-type={asset.type}>
      <AssetPreview type={asset.type} url={asset.signed_url ?? ""} fileName={asset.file_name} size="thumbnail" />
      <div class="card-body">
        <h2>
          <a href={detailHref}>{asset.file_name}</a>
        </h2>
        <dl class="facts">
          <dt>Type</dt>
          <dd>{asset.type}</dd>
          <dt>Size</dt>
          <dd title={`${asset.file_size} bytes`}>{formatBytes(asset.file_size)}</dd>
          <dt>Provider</dt>
          <dd>{orDash(asset.provider)}</dd>
          <dt>Agent</dt>
          <dd>{orDash(asset.agent_id)}</dd>
          <dt>Execution</dt>
          <dd>{orDash(asset.execution_id)}</dd>
          <dt>Created</dt>
          <dd>
            <time datetime={asset.created_at} title={formatTimestamp(asset.created_at)}>
              {formatRelativeTime(asset.created_at)}
            </time>
          </dd>
        </dl>
      </div>
    </li>
  );
}
