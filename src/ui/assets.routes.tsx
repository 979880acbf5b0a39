import { type Context, Hono } from "hono";
import { deleteAsset } from "../assets/delete-asset";
import { listAssetPage, requireAsset } from "../assets/reads";
import { toApiAsset } from "../assets/serialize";
import { signAsset } from "../assets/signing";
import type { AssetRow } from "../db/schema";
import { assetNotFound } from "../errors";
import { galleryHrefFromBack } from "./gallery-query";
import { AssetPage } from "./pages/asset.page";
import { DeletePage } from "./pages/delete.page";
import { GalleryPage } from "./pages/gallery.page";
import { SignedUrlPage } from "./pages/signed-url.page";
import { wantsJson } from "./request";
import { setFlash, takeFlash } from "./session";
import type { UiEnv } from "./ui-env";
import { assetIdParam, backForm, backQuery, galleryQuery } from "./validators";

// A download link is followed at once; a short life keeps it useless in browser history.
const DOWNLOAD_URL_TTL = 300;

function ownAsset(c: Context<UiEnv>, id: string): Promise<AssetRow> {
  return requireAsset(c.var, c.var.workspaceId, id);
}

/** Signed like every API URL, so repeated page views reuse what the browser already cached. */
function signFor(c: Context<UiEnv>, row: AssetRow, expiresIn?: number, disposition?: "attachment") {
  return signAsset(c.var.storage, c.var.config, row, { expiresIn, disposition, now: Date.now() });
}

async function previewUrl(c: Context<UiEnv>, row: AssetRow): Promise<string> {
  return (await signFor(c, row)).url;
}

const pages = new Hono<UiEnv>();

pages.get("/assets", galleryQuery, async (c) => {
  const query = c.req.valid("query");
  // Previews are signed like every other URL: the default lifetime, shown inline.
  const previews = { ...query, include: "signed_url" as const, expires_in: undefined, disposition: undefined };
  const { data, meta } = await listAssetPage(c.var, c.var.workspaceId, { query: previews, now: Date.now() });
  return c.html(
    <GalleryPage
      nonce={c.var.secureHeadersNonce}
      workspaceId={c.var.workspaceId}
      origin={new URL(c.req.url).origin}
      query={query}
      items={data}
      total={meta.total}
      nextCursor={meta.next_cursor}
      flash={takeFlash(c)}
    />,
  );
});

pages.get("/assets/:id", assetIdParam, backQuery, async (c) => {
  const row = await ownAsset(c, c.req.valid("param").id);
  const { back } = c.req.valid("query");
  return c.html(
    <AssetPage
      nonce={c.var.secureHeadersNonce}
      workspaceId={c.var.workspaceId}
      asset={toApiAsset(row, c.var.storage)}
      previewUrl={await previewUrl(c, row)}
      galleryHref={galleryHrefFromBack(back)}
      back={back}
    />,
  );
});

pages.post("/assets/:id/signed-url", assetIdParam, async (c) => {
  const row = await ownAsset(c, c.req.valid("param").id);
  const signed = await signFor(c, row);
  if (wantsJson(c)) return c.json({ data: signed });
  return c.html(
    <SignedUrlPage
      workspaceId={c.var.workspaceId}
      fileName={row.fileName}
      detailHref={`/ui/assets/${row.id}`}
      url={signed.url}
      expiresAt={signed.expires_at}
    />,
  );
});

pages.get("/assets/:id/download", assetIdParam, async (c) => {
  const row = await ownAsset(c, c.req.valid("param").id);
  const signed = await signFor(c, row, DOWNLOAD_URL_TTL, "attachment");
  return c.redirect(signed.url, 302);
});

pages.get("/assets/:id/delete", assetIdParam, backQuery, async (c) => {
  const row = await ownAsset(c, c.req.valid("param").id);
  return c.html(
    <DeletePage
      nonce={c.var.secureHeadersNonce}
      workspaceId={c.var.workspaceId}
      asset={row}
      previewUrl={await previewUrl(c, row)}
      back={c.req.valid("query").back}
    />,
  );
});

pages.post("/assets/:id/delete", assetIdParam, backForm, async (c) => {
  const deleted = await deleteAsset(c.var, c.var.workspaceId, c.req.valid("param").id);
  if (!deleted) throw assetNotFound();
  const { fileName } = deleted.row;
  // Gone either way; say so when storage has yet to confirm the file, which the cleanup job retries.
  setFlash(
    c,
    deleted.storage === "deleted" ? `Deleted “${fileName}”.` : `Deleted “${fileName}”; its file is being removed.`,
  );
  return c.redirect(galleryHrefFromBack(c.req.valid("form").back), 303);
});

export default pages;
