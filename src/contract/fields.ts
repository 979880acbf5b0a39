import { z } from "@hono/zod-openapi";

// The fields several requests share, defined once so every way in validates them alike.

/**
 * An id in a path is only looked up: one that is not a KSUID names no asset, so it is the same
 * 404 `not_found` as an unknown id (the PromptRails SDKs expect NotFoundError there).
 */
export const PathId = z.string().openapi({
  param: { name: "id", in: "path" },
  description: "A KSUID; anything else is answered 404 like an unknown id.",
  example: "2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT",
});

export const AssetIdParam = z.object({ id: PathId });

/** A short free-text value: provider, execution and agent ids, key names. */
export const Label = z.string().trim().min(1).max(200);

export const MetadataObject = z.record(z.string(), z.unknown());

/** The longest prompt kept with an asset, in bytes of UTF-8. */
export const MAX_PROMPT_BYTES = 32 * 1024;

/** The generation that produced an asset: every way in accepts these three alike. */
export const GenerationFields = {
  model: Label.optional().openapi({
    description: "The model that generated the asset (200 characters).",
    example: "flux-pro",
  }),
  prompt: z
    .string()
    .refine((text) => new TextEncoder().encode(text).byteLength <= MAX_PROMPT_BYTES, {
      message: `must be at most ${MAX_PROMPT_BYTES} bytes of UTF-8`,
    })
    .optional()
    .openapi({ description: `The prompt text (${MAX_PROMPT_BYTES} bytes).`, example: "a sunset over the sea" }),
  config: MetadataObject.optional().openapi({
    description: "The generation settings, a JSON object (MAX_METADATA_BYTES).",
    example: { seed: 42, steps: 30 },
  }),
};

export const ExpiresAt = z.iso
  .datetime({ offset: true })
  .optional()
  .openapi({ description: "ISO 8601 time at which the asset is deleted.", example: "2026-12-01T00:00:00Z" });

export const DispositionField = z
  .enum(["inline", "attachment"])
  .optional()
  .openapi({ description: "`attachment` makes browsers download under the original file name.", example: "inline" });
