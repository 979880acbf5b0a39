import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { type ContentSecurityPolicyOptionHandler, NONCE, secureHeaders } from "hono/secure-headers";
import { ApiError } from "../errors";
import { requestServices } from "../http/request-services";
import { buildServices } from "../services";
import pages from "./assets.routes";
import auth from "./auth.routes";
import { renderUiError } from "./error-handler";
import { GALLERY_PATH } from "./gallery-query";
import { noStore, requireSession } from "./request";
import staticFiles from "./static.routes";
import type { UiEnv } from "./ui-env";
import webhookPages from "./webhooks.routes";

/** Previews and players load straight from storage with signed URLs: allow its origin, nothing else. */
const storageOrigin: ContentSecurityPolicyOptionHandler = (c) => {
  const built = buildServices(c.env, c.env.DB);
  return built.ok ? new URL(built.services.storage.objectUrl("")).origin : "";
};

const ui = new Hono<UiEnv>();
ui.onError(renderUiError);

ui.use(
  "*",
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: [NONCE],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", storageOrigin],
      mediaSrc: [storageOrigin],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: "DENY",
  }),
  noStore,
);
ui.route("/", staticFiles);
ui.get("/", (c) => c.redirect(GALLERY_PATH));

// Every POST must come from our own pages (Origin or Sec-Fetch-Site); see docs/browser-ui.md.
ui.use("*", requestServices, csrf());
ui.route("/", auth);
ui.use("*", requireSession);
ui.route("/", pages);
ui.route("/", webhookPages);
ui.all("*", () => {
  throw new ApiError("not_found", "There is no such page.");
});

export default ui;
