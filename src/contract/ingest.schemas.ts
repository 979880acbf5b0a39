import { z } from "@hono/zod-openapi";
import { MAX_PARTS } from "../config";
import { assetTypes } from "../db/schema";
import { AssetSchema } from "./assets.schemas";
import { ExpiresAt, GenerationFields, Label, MetadataObject } from "./fields";
import { ContentTypeText, FileNameText, HeaderText } from "./header-text";

/** What every way in accepts besides the bytes themselves. */
const AssetFields = {
  type: z.enum(assetTypes).optional(),
  provider: Label.optional(),
  execution_id: Label.optional(),
  agent_id: Label.optional(),
  metadata: MetadataObject.optional().openapi({ description: "A JSON object (MAX_METADATA_BYTES)." }),
  ...GenerationFields,
  expires_at: ExpiresAt,
};

/** The form upload: the file and its description as multipart/form-data fields. */
export const FormUploadBody = z
  .object({
    file: z.instanceof(File, { message: "must be a file part" }).openapi({ type: "string", format: "binary" }),
    type: z.enum(assetTypes).optional(),
    provider: Label.optional(),
    execution_id: Label.optional(),
    agent_id: Label.optional(),
    file_name: HeaderText.max(1024).optional(),
    metadata: z.string().optional().openapi({ description: "A JSON object, as text (MAX_METADATA_BYTES)." }),
    model: GenerationFields.model,
    prompt: GenerationFields.prompt,
    config: z.string().optional().openapi({
      description: "The generation settings: a JSON object, as text (MAX_METADATA_BYTES).",
    }),
    expires_at: ExpiresAt,
  })
  .openapi("AssetUpload");

/** The direct upload: the bytes go straight to storage with presigned URLs. */
export const DirectUploadRequest = z
  .object({
    file_name: FileNameText.openapi({ example: "clip.mp4" }),
    content_type: ContentTypeText.openapi({
      description: "Exactly type/subtype, no parameters (RFC 6838); anything else is 415.",
      example: "video/mp4",
    }),
    file_size: z.number().int().min(1).openapi({ description: "Exact size in bytes.", example: 734003200 }),
    ...AssetFields,
  })
  .openapi("UploadRequest");

const SingleUpload = z.object({
  strategy: z.literal("single"),
  method: z.literal("PUT"),
  url: z.string(),
  headers: z.record(z.string(), z.string()).openapi({ description: "Send these exactly: they are signed." }),
  expires_at: z.string(),
});

const MultipartUpload = z.object({
  strategy: z.literal("multipart"),
  method: z.literal("PUT"),
  upload_id: z.string(),
  part_size: z.number().int().openapi({ description: "Every part is this size except the last." }),
  parts: z.array(z.object({ part_number: z.number().int(), url: z.string(), size: z.number().int() })),
  headers: z.record(z.string(), z.string()),
  expires_at: z.string(),
});

export const DirectUploadAnswer = z
  .object({ asset: AssetSchema, upload: z.discriminatedUnion("strategy", [SingleUpload, MultipartUpload]) })
  .openapi("UploadInstructions");

export const CompleteUploadRequest = z
  .object({
    parts: z
      .array(
        z.object({
          part_number: z.number().int().min(1).max(MAX_PARTS),
          etag: z.string().min(1).max(200).openapi({ description: "The ETag header storage answered the part with." }),
        }),
      )
      .min(1)
      .max(MAX_PARTS)
      .optional()
      .openapi({ description: "Multipart uploads only: every part's number and ETag." }),
  })
  .openapi("CompleteUpload");

export const ImportRequest = z
  .object({
    source_url: z.url().max(4096).openapi({ example: "https://fal.media/files/abc/output.mp4" }),
    file_name: FileNameText.optional().openapi({ description: "Defaults to the source's file name." }),
    content_type: ContentTypeText.optional().openapi({
      description:
        "Exactly type/subtype. The source's own Content-Type is stored; when it names a type, this must agree with it. Defaults to the source's type, or a guess from the file name.",
    }),
    ...AssetFields,
  })
  .openapi("ImportRequest");
