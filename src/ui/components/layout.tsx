import { raw } from "hono/html";
import type { PropsWithChildren } from "hono/jsx";
import { GALLERY_PATH } from "../gallery-query";

const WEBHOOKS_PATH = "/ui/webhooks";

export interface LayoutProps {
  title: string;
  nonce?: string;
  /** Set when someone is signed in: shows the workspace and the sign-out button. */
  workspaceId?: string;
}

export function Layout({ title, nonce, workspaceId, children }: PropsWithChildren<LayoutProps>) {
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · Agent assets`}</title>
          <link rel="icon" href="/ui/icon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/ui/styles.css" />
          {nonce ? <script src="/ui/app.js" nonce={nonce} defer /> : null}
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <a class="brand" href={GALLERY_PATH}>
              Agent assets
            </a>
            {workspaceId ? (
              <>
                <nav class="site-nav" aria-label="Sections">
                  <a href={GALLERY_PATH}>Assets</a>
                  <a href={WEBHOOKS_PATH}>Webhooks</a>
                </nav>
                <span class="workspace">
                  Workspace <strong>{workspaceId}</strong>
                </span>
                <form class="inline-form" method="post" action="/ui/sign-out">
                  <button class="secondary" type="submit">
                    Sign out
                  </button>
                </form>
              </>
            ) : null}
          </header>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  );
}
