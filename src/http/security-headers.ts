import { secureHeaders } from "hono/secure-headers";

/**
 * Hardening headers for every answer. The API serves only JSON; nothing it sends should
 * be sniffed into HTML, framed, or leak the URL it was fetched from.
 */
export const apiSecurityHeaders = secureHeaders({
  xContentTypeOptions: "nosniff",
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  // Cross-origin reads are governed by CORS_ORIGINS, so resources are not pinned to same-origin.
  crossOriginResourcePolicy: false,
});
