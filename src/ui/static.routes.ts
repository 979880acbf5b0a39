import { Hono } from "hono";
import { etag } from "hono/etag";
import { CLIENT_SCRIPT, ICON_SVG } from "./static/client-script";
import { STYLES } from "./static/styles";

const files = {
  "/styles.css": { body: STYLES, type: "text/css; charset=utf-8" },
  "/app.js": { body: CLIENT_SCRIPT, type: "text/javascript; charset=utf-8" },
  "/icon.svg": { body: ICON_SVG, type: "image/svg+xml" },
};

/** Our stylesheet, script and icon, served by the Worker itself: no CDN, works offline. */
const staticFiles = new Hono();

for (const [path, file] of Object.entries(files)) {
  // Per route: a `use("*")` here would reach every page once this app is mounted.
  staticFiles.get(path, etag(), (c) => {
    // Revalidated on every use (cheap with the ETag), so a deploy is picked up at once.
    c.header("Cache-Control", "no-cache");
    return c.body(file.body, 200, { "Content-Type": file.type });
  });
}

export default staticFiles;
