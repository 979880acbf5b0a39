// What R2, S3 and MinIO refuse and s3rver accepts, answered with S3's error codes and statuses.
// Runs inside s3rver's router after its CORS, signature and bucket checks (see local-s3.mjs), so a
// forged request is still a 403 before any rule speaks.
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import S3Error from "@20minutes/s3rver/lib/models/error.js";
import { xmlBodyParser } from "@20minutes/s3rver/lib/utils.js";

export const MiB = 1024 * 1024;
/** S3's minimum size for every part but the last (EntityTooSmall); R2 and MinIO use the same. */
export const MIN_PART_SIZE = 5 * MiB;
const MAX_PARTS = 10_000;

const s3Error = (code, message, detail, status) =>
  Object.assign(new S3Error(code, message, detail), status && { status });

/**
 * The first rule that parts, listed as CompleteMultipartUpload lists them, break: S3's minimum
 * part size, and with `equalParts` R2's rule that every part but the last has one size and the
 * last is no larger. Null when they would be assembled.
 */
export function partSizeProblem(parts, { minPartSize = MIN_PART_SIZE, equalParts = true } = {}) {
  const last = parts.length - 1;
  const small = parts.findIndex((part, index) => index < last && part.size < minPartSize);
  if (small >= 0) {
    const { number, size } = parts[small];
    return s3Error("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.", {
      ProposedSize: size,
      MinSizeAllowed: minPartSize,
      PartNumber: number,
    });
  }
  const expected = parts[0]?.size;
  const uneven = parts.findIndex((part, index) => (index < last ? part.size !== expected : part.size > expected));
  if (!equalParts || uneven < 0) return null;
  const { number, size } = parts[uneven];
  return s3Error(
    "InvalidPart",
    `All non-trailing parts must have the same length. Non Uniform Part Sizes: Expected part ${number} to have size ${expected}, found ${size}`,
  );
}

/** The folder s3rver keeps an upload's parts in, once it is known to belong to this key. */
async function uploadFolder(ctx) {
  const uploadId = String(ctx.query.uploadId);
  const folder = join(ctx.store.getResourcePath(ctx.params.bucket, undefined, "uploads"), uploadId);
  const key = /^[0-9a-f]+$/.test(uploadId) ? await readFile(join(folder, "key"), "utf8").catch(() => null) : null;
  if (key !== ctx.params.key) {
    throw s3Error(
      "NoSuchUpload",
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
      { UploadId: uploadId },
    );
  }
  return folder;
}

/** A listed part as stored: its size, once its ETag is known to match. */
async function storedPart(folder, uploadId, listed) {
  const number = Number(listed.PartNumber);
  const etag = String(listed.ETag ?? "").replace(/"/g, "");
  const stored = await readFile(join(folder, `${number}.md5`), "utf8").catch(() => null);
  if (!Number.isInteger(number) || stored === null || stored !== etag) {
    throw s3Error(
      "InvalidPart",
      "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      { UploadId: uploadId, PartNumber: listed.PartNumber, ETag: listed.ETag },
    );
  }
  return { number, etag, size: (await stat(join(folder, String(number)))).size };
}

// Conditional writes in flight per key: S3 answers a second one 409 rather than racing it.
const conditionalWrites = new Set();

/** `If-None-Match: *` on PutObject and CompleteMultipartUpload: 412 when the key already exists. */
async function writeIfAbsent(ctx, write) {
  const condition = ctx.get("If-None-Match");
  if (!condition) return write();
  if (condition !== "*") {
    throw s3Error("NotImplemented", "A header you provided implies functionality that is not implemented", {
      Header: "If-None-Match",
    });
  }
  const lock = `${ctx.store.rootDirectory}\0${ctx.params.bucket}/${ctx.params.key}`;
  if (conditionalWrites.has(lock)) {
    const message = "A conflicting conditional action is currently in progress against this resource. Try again.";
    throw s3Error("ConditionalRequestConflict", message, {}, 409);
  }
  conditionalWrites.add(lock);
  try {
    if (await ctx.store.existsObject(ctx.params.bucket, ctx.params.key)) {
      const message = "At least one of the pre-conditions you specified did not hold";
      throw s3Error("PreconditionFailed", message, { Condition: "If-None-Match" });
    }
    return await write();
  } finally {
    conditionalWrites.delete(lock);
  }
}

async function completeUpload(ctx, rules) {
  const folder = await uploadFolder(ctx);
  const uploadId = String(ctx.query.uploadId);
  await xmlBodyParser(ctx);
  const listed = [].concat(ctx.request.body?.CompleteMultipartUpload?.Part ?? []);
  if (listed.length === 0) {
    const message = "The XML you provided was not well-formed or did not validate against our published schema.";
    throw s3Error("MalformedXML", message);
  }
  if (listed.some((part, index) => index > 0 && Number(part.PartNumber) <= Number(listed[index - 1].PartNumber))) {
    const message =
      "The list of parts was not in ascending order. The parts list must be specified in order by part number.";
    throw s3Error("InvalidPartOrder", message, { UploadId: uploadId });
  }
  const parts = await Promise.all(listed.map((part) => storedPart(folder, uploadId, part)));
  const problem = partSizeProblem(parts, rules);
  if (problem) throw problem;
  await writeIfAbsent(ctx, async () => {
    const { md5 } = await ctx.store.putObjectMultipart(ctx.params.bucket, uploadId, parts);
    const { bucket, key } = ctx.params;
    const Location = ctx.href.split("?")[0];
    ctx.body = { CompleteMultipartUploadResult: { Location, Bucket: bucket, Key: key, ETag: JSON.stringify(md5) } };
  });
}

function checkPartNumber(ctx) {
  const value = String(ctx.query.partNumber);
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > MAX_PARTS) {
    throw s3Error("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive", {
      ArgumentName: "partNumber",
      ArgumentValue: value,
    });
  }
}

/** Router middleware for object paths; `ctx.app.localS3Rules` holds the server's options. */
export async function objectRules(ctx, next) {
  const { queryMethod } = ctx.params;
  if (ctx.method === "PUT" && queryMethod === undefined && !("x-amz-copy-source" in ctx.headers)) {
    return writeIfAbsent(ctx, next);
  }
  if (queryMethod !== "uploadId") return next();
  if (ctx.method === "PUT") {
    checkPartNumber(ctx);
    await uploadFolder(ctx);
    return next();
  }
  if (ctx.method === "POST") return completeUpload(ctx, ctx.app.localS3Rules);
  if (ctx.method === "DELETE") {
    // AbortMultipartUpload (s3rver answers 405): the parts are discarded and the id is gone.
    await rm(await uploadFolder(ctx), { recursive: true, force: true });
    ctx.status = 204;
    return;
  }
  return next();
}
