import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../types";
import { ApiReference } from "./api-reference";
import type { OpenApiDocument } from "./openapi-model";

type DocumentConfig = Parameters<OpenAPIHono["getOpenAPI31Document"]>[0];

// Nothing but inline styles may load: the reference works offline and behind strict networks.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** GET /docs: a readable reference rendered on the server from the same OpenAPI document. */
export function apiDocs(app: OpenAPIHono<AppEnv>, config: DocumentConfig) {
  let document: OpenApiDocument | undefined;
  return (c: Context<AppEnv>) => {
    // Routes are fixed once the app is built, so the document is generated once per isolate.
    document ??= app.getOpenAPI31Document(config);
    c.header("Content-Security-Policy", CSP);
    c.header("Cache-Control", "public, max-age=300");
    return c.html(<ApiReference document={document} />);
  };
}
