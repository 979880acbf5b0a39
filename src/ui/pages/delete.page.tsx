import type { AssetRow } from "../../db/schema";
import { AssetPreview } from "../components/asset-preview";
import { Layout } from "../components/layout";
import { formatBytes } from "../format";

export interface DeletePageProps {
  nonce?: string;
  workspaceId: string;
  asset: AssetRow;
  previewUrl: string;
  back?: string;
}

/** The confirmation step: a separate page, so it works without scripts and by keyboard. */
export function DeletePage({ nonce, workspaceId, asset, previewUrl, back }: DeletePageProps) {
  const detail = `/ui/assets/${asset.id}${back ? `?${new URLSearchParams({ back })}` : ""}`;
  return (
    <Layout title={`Delete ${asset.fileName}`} nonce={nonce} workspaceId={workspaceId}>
      <section class="confirm" aria-labelledby="confirm-heading">
        <h1 id="confirm-heading">Delete “{asset.fileName}”?</h1>
        <AssetPreview type={asset.type} url={previewUrl} fileName={asset.fileName} size="large" />
        <p>
          This permanently removes the file ({formatBytes(asset.fileSize)}) from storage and its record from the
          workspace. Signed URLs already handed out stop working. It cannot be undone.
        </p>
        <form method="post" action={`/ui/assets/${asset.id}/delete`} class="actions">
          {back ? <input type="hidden" name="back" value={back} /> : null}
          <button class="danger" type="submit">
            Delete permanently
          </button>
          <a class="button secondary" href={detail}>
            Cancel
          </a>
        </form>
      </section>
    </Layout>
  );
}
