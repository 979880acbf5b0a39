import { z } from "@hono/zod-openapi";
import { MAX_SIGNED_URL_SECONDS } from "../config";
import { DispositionField } from "./fields";

export const MAX_BATCH_IDS = 100;

export const ExpiresInQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_SIGNED_URL_SECONDS)
  .optional()
  .openapi({ description: "Seconds the URL must stay valid; SIGNED_URL_TTL when omitted.", example: 3600 });

export const SignedUrlQuery = z.object({ expires_in: ExpiresInQuery, disposition: DispositionField });

export const SignedUrlSchema = z
  .object({
    url: z.string(),
    expires_at: z.string().openapi({
      description: "The URL is valid at least until then; storage may accept it up to SIGNED_URL_WINDOW longer.",
    }),
    expires_in: z.number().int(),
  })
  .openapi("SignedUrl");

/** Signing options in JSON bodies (and RPC arguments): numbers stay numbers, nothing is coerced. */
export const SignOptionsBody = z.object({
  expires_in: z
    .number()
    .int()
    .min(1)
    .max(MAX_SIGNED_URL_SECONDS)
    .optional()
    .openapi({ description: "Seconds the URLs must stay valid; SIGNED_URL_TTL when omitted." }),
  disposition: DispositionField,
});

export const BatchSignedUrlBody = SignOptionsBody.extend({
  ids: z
    .array(z.string().max(1024))
    .min(1)
    .max(MAX_BATCH_IDS)
    .openapi({
      description: `1 to ${MAX_BATCH_IDS} asset ids; answers keep their order. Repeats are allowed. An id that is not a KSUID is that item's \`not_found\`, like an unknown id.`,
    }),
}).openapi("BatchSignedUrlRequest", {
  example: { ids: ["2VbYbZ3CxyN0Qx5Cq3ZpB8Hk3nT", "2VbYc0mPq7Rk1sT9uVwXyZ4AbCd"] },
});

const SignedItem = z.object({
  id: z.string(),
  url: z.string(),
  expires_at: z.string(),
});

const FailedItem = z.object({
  id: z.string(),
  error: z.object({
    code: z.string().openapi({ example: "not_found" }),
    message: z.string().openapi({ example: "Asset not found." }),
  }),
});

export const BatchSignedUrlItem = z.union([SignedItem, FailedItem]).openapi("BatchSignedUrlItem");

export const BatchSignedUrlResponse = z.object({ data: z.array(BatchSignedUrlItem) });
