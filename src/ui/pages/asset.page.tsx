import type { toApiAsset } from "../../assets/serialize";
import { AssetFields } from "../components/asset-fields";
import { AssetPreview } from "../components/asset-preview";
import { Layout } from "../components/layout";

export interface AssetPageProps {
  nonce?: string;
  workspaceId: string;
  asset: ReturnType<typeof toApiAsset>;
  previewUrl: string;
  galleryHref: string;
  /** The gallery view to return to, passed on to the delete page. */
  back?: string;
}

export function AssetPage({ nonce, workspaceId, asset, previewUrl, galleryHref, back }: AssetPageProps) {
  const base = `/ui/assets/${asset.id}`;
  const deleteHref = back ? `${base}/delete?${new URLSearchParams({ back })}` : `${base}/delete`;
  return (
    <Layout title={asset.file_name} nonce={nonce} workspaceId={workspaceId}>
      <p>
        <a href={galleryHref}>← All assets</a>
      </p>
      <h1>{asset.file_name}</h1>
      <p class="error" id="preview-problem" role="alert" hidden>
        The preview could not be loaded from storage. Reload the page to try again.
      </p>
      <div class="detail">
        <figure class="large-preview">
          <AssetPreview type={asset.type} url={previewUrl} fileName={asset.file_name} size="large" />
        </figure>
        <div>
          <section class="actions" aria-label="Actions">
            <a class="button" href={`${base}/download`}>
              Download
            </a>
            <form
              method="post"
              action={`${base}/signed-url`}
              data-copy-url=""
              data-status="copy-status"
              data-output="copy-output"
            >
              <button class="secondary" type="submit">
                Copy signed URL
              </button>
            </form>
            <a class="button danger secondary" href={deleteHref}>
              Delete…
            </a>
          </section>
          <p role="status" id="copy-status" />
          <div class="copied" id="copy-output" hidden>
            <label>
              Signed URL
              <input type="url" readonly value="" />
            </label>
          </div>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <AssetFields asset={asset} />
          </section>
          <section aria-labelledby="metadata-heading">
            <h2 id="metadata-heading">Metadata</h2>
            <pre>
              <code>{JSON.stringify(asset.metadata, null, 2)}</code>
            </pre>
          </section>
        </div>
      </div>
    </Layout>
  );
}
