import type { SecureHeadersVariables } from "hono/secure-headers";
import type { AppEnv } from "../types";

/** The API's context plus the CSP nonce that secureHeaders puts on each page request. */
export interface UiEnv {
  Bindings: AppEnv["Bindings"];
  Variables: AppEnv["Variables"] & SecureHeadersVariables;
}
