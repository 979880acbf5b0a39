import { z } from "@hono/zod-openapi";
import { ListFilters } from "./assets.schemas";

export const BulkDeleteQuery = ListFilters.refine(
  (filters) => Object.values(filters).some((value) => value !== undefined),
  "give at least one filter: type, provider, model, execution_id, agent_id, created_after or created_before",
);

export const BulkDeleteAnswer = z
  .object({
    deleted: z.number().int().openapi({ description: "Assets removed, pending uploads included." }),
    pending_storage: z
      .number()
      .int()
      .openapi({
        description:
          "Files of this workspace storage has not confirmed deleted yet (these and any earlier ones); " +
          "the cleanup job retries them until it does. Their assets are gone already.",
      }),
  })
  .openapi("BulkDeleteResult");

/** The 202 answer of a single delete whose file storage did not confirm deleting. */
export const DeletingAnswer = z
  .object({
    id: z.string(),
    status: z.literal("deleting").openapi({
      description: "The asset is gone from every read path; its file is owed and the cleanup job retries it.",
    }),
  })
  .openapi("DeletingAsset");
