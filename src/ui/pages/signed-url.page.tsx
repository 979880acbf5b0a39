import { Layout } from "../components/layout";
import { formatTimestamp } from "../format";

export interface SignedUrlPageProps {
  workspaceId: string;
  fileName: string;
  detailHref: string;
  url: string;
  expiresAt: string;
}

/** What the "Copy signed URL" button shows when scripts are off: the URL, ready to select. */
export function SignedUrlPage({ workspaceId, fileName, detailHref, url, expiresAt }: SignedUrlPageProps) {
  return (
    <Layout title={`Signed URL for ${fileName}`} workspaceId={workspaceId}>
      <h1>Signed URL for “{fileName}”</h1>
      <label>
        Signed URL
        <input type="url" readonly value={url} />
      </label>
      <p class="muted">
        Anyone with this link can download the file until {formatTimestamp(expiresAt)}. It stops working when the asset
        is deleted.
      </p>
      <p>
        <a href={detailHref}>← Back to the asset</a>
      </p>
    </Layout>
  );
}
