import type { AssetRow } from "../db/schema";
import { ApiError } from "../errors";

/** The one rule for handing out URLs to an asset's bytes: only once its upload is complete. */
export function assertSignable(row: AssetRow) {
  if (row.status !== "ready") {
    throw new ApiError(
      "conflict",
      `Asset ${row.id} is still ${row.status}: complete its upload with POST /api/v1/assets/${row.id}/complete first.`,
      { status: row.status },
    );
  }
}
