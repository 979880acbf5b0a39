// Compile-time only: the client's plain types must accept exactly what the server's schemas describe.
// `npm run check` (tsc) fails here when a schema changes and src/client/types.ts does not follow.
import type { z } from "zod";
import type * as client from "../../src/client/types";
import type { AssetSchema, ListQuery, ListResponse } from "../../src/contract/assets.schemas";
import type { BulkDeleteAnswer, BulkDeleteQuery, DeletingAnswer } from "../../src/contract/bulk-delete.schemas";
import type {
  CompleteUploadRequest,
  DirectUploadAnswer,
  DirectUploadRequest,
  FormUploadBody,
  ImportRequest,
} from "../../src/contract/ingest.schemas";
import type { BatchSignedUrlItem, SignedUrlSchema, SignOptionsBody } from "../../src/contract/signing.schemas";
import type {
  CreatedWebhookSchema,
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveryPage,
  DeliverySchema,
  WebhookEventSchema,
  WebhookSchema,
} from "../../src/contract/webhooks.schemas";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The form sends metadata and config as JSON text; the client takes objects and encodes them. */
type FormFields = Omit<z.input<typeof FormUploadBody>, "file" | "metadata" | "config">;

export const clientTypesMatchTheContract: [
  Same<client.Asset, z.infer<typeof AssetSchema>>,
  Same<client.AssetPage, z.infer<typeof ListResponse>>,
  Same<client.ListParams, Partial<z.infer<typeof ListQuery>>>,
  Same<client.SignedUrl, z.infer<typeof SignedUrlSchema>>,
  Same<client.SignOptions, z.input<typeof SignOptionsBody>>,
  Same<client.SignedUrlItem, z.infer<typeof BatchSignedUrlItem>>,
  Same<Omit<client.UploadInput, "file" | "metadata" | "config">, FormFields>,
  Same<client.CreateUploadInput, z.input<typeof DirectUploadRequest>>,
  Same<client.CreatedUpload, z.infer<typeof DirectUploadAnswer>>,
  Same<client.CompleteUploadInput, z.input<typeof CompleteUploadRequest>>,
  Same<client.ImportInput, z.input<typeof ImportRequest>>,
  Same<client.DeletingAsset, z.infer<typeof DeletingAnswer>>,
  Same<client.BulkDeleteFilters, z.input<typeof BulkDeleteQuery>>,
  Same<client.BulkDeleteResult, z.infer<typeof BulkDeleteAnswer>>,
  Same<client.Webhook, z.infer<typeof WebhookSchema>>,
  Same<client.CreatedWebhook, z.infer<typeof CreatedWebhookSchema>>,
  Same<client.CreateWebhookInput, z.input<typeof CreateWebhookBody>>,
  Same<client.WebhookDelivery, z.infer<typeof DeliverySchema>>,
  Same<client.WebhookDeliveryPage, z.infer<typeof DeliveryPage>>,
  Same<client.DeliveryListParams, Partial<z.infer<typeof DeliveriesQuery>>>,
  Same<client.WebhookEvent, z.infer<typeof WebhookEventSchema>>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
