import type { toApiAsset } from "../../assets/serialize";
import { formatBytes, formatRelativeTime, formatTimestamp } from "../format";
import { galleryHref } from "../gallery-query";

type ApiAsset = ReturnType<typeof toApiAsset>;

/** A value that also filters the gallery, so related assets are one click away. */
function FilterLink({ name, value }: { name: "provider" | "agent_id" | "execution_id"; value: string | null }) {
  if (value === null) return <span class="muted">none</span>;
  return (
    <a href={galleryHref({ [name]: value })} title={`All assets with this ${name.replace("_id", "")}`}>
      {value}
    </a>
  );
}

/** Every field of the API's asset record, labelled for people. */
export function AssetFields({ asset }: { asset: ApiAsset }) {
  return (
    <dl class="facts">
      <dt>File name</dt>
      <dd>{asset.file_name}</dd>
      <dt>Type</dt>
      <dd>
        <a href={galleryHref({ type: asset.type })}>{asset.type}</a>
      </dd>
      <dt>Content type</dt>
      <dd>
        <code>{asset.content_type}</code>
      </dd>
      <dt>Size</dt>
      <dd>
        {asset.file_size < 1000
          ? formatBytes(asset.file_size)
          : `${formatBytes(asset.file_size)} (${asset.file_size.toLocaleString("en")} bytes)`}
      </dd>
      <dt>Provider</dt>
      <dd>
        <FilterLink name="provider" value={asset.provider} />
      </dd>
      <dt>Agent</dt>
      <dd>
        <FilterLink name="agent_id" value={asset.agent_id} />
      </dd>
      <dt>Execution</dt>
      <dd>
        <FilterLink name="execution_id" value={asset.execution_id} />
      </dd>
      <dt>Created</dt>
      <dd>
        <time datetime={asset.created_at}>{formatTimestamp(asset.created_at)}</time>
        {` (${formatRelativeTime(asset.created_at)})`}
      </dd>
      <dt>Asset id</dt>
      <dd>
        <code>{asset.id}</code>
      </dd>
      <dt>Workspace</dt>
      <dd>
        <code>{asset.workspace_id}</code>
      </dd>
      <dt>Storage key</dt>
      <dd>
        <code>{asset.storage_key}</code>
      </dd>
      <dt>Public URL</dt>
      <dd>{asset.public_url ? <a href={asset.public_url}>{asset.public_url}</a> : <span class="muted">none</span>}</dd>
    </dl>
  );
}
