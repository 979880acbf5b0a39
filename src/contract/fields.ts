import { z } from "@hono/zod-openapi";
import { isKsuid } from "../ids";

// The fields several requests share, defined once so every way in validates them alike.

/** Every asset id the API accepts: a KSUID. */
export const AssetId = z
  .string()
  .refine(isKsuid, "must be a 27-character KSUID")
  .openapi({ example: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT" });

export const AssetIdParam = z.object({ id: AssetId.openapi({ param: { name: "id", in: "path" } }) });

/** A short free-text value: provider, execution and agent ids, key names. */
export const Label = z.string().trim().min(1).max(200);

export const MetadataObject = z.record(z.string(), z.unknown());

export const ExpiresAt = z.iso
  .datetime({ offset: true })
  .optional()
  .openapi({ description: "ISO 8601 time at which the asset is deleted.", example: "2026-12-01T00:00:00Z" });

export const DispositionField = z
  .enum(["inline", "attachment"])
  .optional()
  .openapi({ description: "`attachment` makes browsers download under the original file name.", example: "inline" });
