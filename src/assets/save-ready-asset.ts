import type { AssetRow, NewAssetRow } from "../db/schema";
import { insertReadyAsset } from "../db/uploads";
import type { Services } from "../services";
import { publishEvents } from "../webhooks/publish-events";

/** Records an asset whose bytes are stored, and reports it to the workspace's webhooks. */
export async function saveReadyAsset(services: Services, row: NewAssetRow): Promise<AssetRow> {
  const saved = await insertReadyAsset(services.db, row);
  await publishEvents(services, saved.eventIds);
  return saved.row;
}
