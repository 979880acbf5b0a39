import type { AssetRow } from "../../db/schema";
import { formatBytes, formatRelativeTime, formatTimestamp } from "../format";
import { AssetPreview } from "./asset-preview";

export interface AssetCardProps {
  asset: AssetRow;
  previewUrl: string;
  detailHref: string;
}

const orDash = (value: string | null) => value ?? "—";

export function AssetCard({ asset, previewUrl, detailHref }: AssetCardProps) {
  return (
    <li class="card" data-asset-id={asset.id} data-type={asset.type}>
      <AssetPreview type={asset.type} url={previewUrl} fileName={asset.fileName} size="thumbnail" />
      <div class="card-body">
        <h2>
          <a href={detailHref}>{asset.fileName}</a>
        </h2>
        <dl class="facts">
          <dt>Type</dt>
          <dd>{asset.type}</dd>
          <dt>Size</dt>
          <dd title={`${asset.fileSize} bytes`}>{formatBytes(asset.fileSize)}</dd>
          <dt>Provider</dt>
          <dd>{orDash(asset.provider)}</dd>
          <dt>Agent</dt>
          <dd>{orDash(asset.agentId)}</dd>
          <dt>Execution</dt>
          <dd>{orDash(asset.executionId)}</dd>
          <dt>Created</dt>
          <dd>
            <time datetime={asset.createdAt} title={formatTimestamp(asset.createdAt)}>
              {formatRelativeTime(asset.createdAt)}
            </time>
          </dd>
        </dl>
      </div>
    </li>
  );
}
