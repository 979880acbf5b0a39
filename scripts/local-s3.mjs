// Local S3-compatible server (@20minutes/s3rver v5) for `npm start` and the test suite.
// It stands in for R2/S3, so it is configured to be as strict as the real thing where it
// matters to us: SigV4 signatures and presigned-URL expiry are verified, unsigned requests
// are refused, and the multipart and conditional-write rules of local-s3-rules.mjs apply.
import { once } from "node:events";
import { createServer } from "node:http";
import S3rver from "@20minutes/s3rver";
// s3rver has no public API for credentials: it checks signatures against a process-wide
// registry of key pairs owned by its built-in dummy account (seeded with S3RVER/S3RVER).
import AWSAccount from "@20minutes/s3rver/lib/models/account.js";
import S3Error from "@20minutes/s3rver/lib/models/error.js";
import router from "@20minutes/s3rver/lib/routes.js";
import v4 from "@20minutes/s3rver/lib/signature/v4.js";
import { MIN_PART_SIZE, objectRules } from "./local-s3-rules.mjs";

// s3rver builds the canonical query string with encodeURIComponent, which leaves !'()* bare,
// while SigV4 (aws4fetch, real S3/R2) percent-encodes them. Left alone, any signed URL with
// e.g. response-content-disposition=attachment; filename="a (1).png" gets a 403. Its auth
// middleware looks this function up on the module at call time, so wrapping it fixes that.
// (Idempotent: an already-encoded string has none of these characters left.)
const { getStringToSign } = v4;
v4.getStringToSign = (canonicalRequest, request) => {
  const querystring = canonicalRequest.querystring.replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return getStringToSign({ ...canonicalRequest, querystring }, request);
};

// Browsers upload/download directly with presigned URLs, so any origin may use the bucket.
const CORS_XML = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

// s3rver lets requests without any signature through as anonymous; a private R2/S3 bucket
// answers 403. CORS preflights (OPTIONS) are never signed, so they stay allowed.
async function requireSignature(ctx, next) {
  const signed = "authorization" in ctx.headers || "X-Amz-Algorithm" in ctx.query || "Signature" in ctx.query;
  if (!signed && ctx.method !== "OPTIONS") throw new S3Error("AccessDenied", "Access Denied");
  await next();
}

// SigV4 percent-encodes a space as %20 and reads a `+` in a query as a literal plus. s3rver's
// query parser reads it as a space, which hides a presigner that writes `+` for spaces (AWS
// accepts both; stricter stores answer SignatureDoesNotMatch). Taken literally, such a URL fails here too.
function literalPlusInQuery(ctx, next) {
  if (ctx.querystring.includes("+")) ctx.querystring = ctx.querystring.replace(/\+/g, "%2B");
  return next();
}

// s3rver's router is one module-wide instance. The rules go right after its own middleware for
// object paths (CORS, signature, response overrides, bucket check, query method) and ahead of
// its handlers, so they see authenticated requests only. Once per process.
const OBJECT_PATH = "/:bucket/*key";
let rulesInstalled = false;
function installObjectRules() {
  if (rulesInstalled) return;
  router.use(OBJECT_PATH, objectRules);
  const rules = router.stack.pop();
  const lastObjectMiddleware = router.stack.findLastIndex(
    (layer) => layer.path === OBJECT_PATH && !layer.methods.length,
  );
  if (lastObjectMiddleware < 0) throw new Error("s3rver's router changed: no middleware layer for object paths");
  router.stack.splice(lastObjectMiddleware + 1, 0, rules);
  rulesInstalled = true;
}

/**
 * `minPartSize` defaults to S3's 5 MiB; only a test suite that keeps its files small lowers it.
 * `equalParts` (on by default) applies R2's rule that all parts but the last have one size.
 */
export async function startLocalS3({
  port,
  directory,
  bucket,
  accessKeyId,
  secretAccessKey,
  silent = true,
  minPartSize = MIN_PART_SIZE,
  equalParts = true,
}) {
  installObjectRules();
  // Only the configured key pair may sign; drop the well-known default one.
  AWSAccount.DUMMY_ACCOUNT.revokeAccessKey("S3RVER");
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);

  const s3rver = new S3rver({
    directory,
    silent,
    // Path-style only (http://127.0.0.1:PORT/bucket/key), like STORAGE_FORCE_PATH_STYLE=true.
    vhostBuckets: false,
    // Creates the bucket (and `directory`) if missing and (re)applies CORS; objects are kept.
    configureBuckets: [{ name: bucket, configs: [CORS_XML] }],
  });
  // Koa runs middleware in array order: put the check right after s3rver's request logger
  // (first) so refusals still get logged, and ahead of its router.
  s3rver.middleware.splice(1, 0, requireSignature, literalPlusInQuery);
  s3rver.localS3Rules = { minPartSize, equalParts };
  await s3rver.configureBuckets();

  // Listen ourselves rather than via s3rver.run(): its promise never settles when the port
  // is taken (the 'error' event goes unhandled and crashes the process).
  const server = createServer(s3rver.callback());
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const actualPort = server.address().port;
  return {
    endpoint: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: async () => {
      const closed = once(server, "close");
      server.close();
      // Don't wait for idle keep-alive sockets (e.g. from fetch) to time out.
      server.closeAllConnections();
      await closed;
    },
  };
}

export { MIN_PART_SIZE, partSizeProblem } from "./local-s3-rules.mjs";
