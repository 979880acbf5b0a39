import type { AssetRow } from "../db/schema";
import type { Storage } from "../storage/s3";

export interface SignUrlOptions {
  expiresIn: number;
  disposition?: "inline" | "attachment";
}

/** A presigned GET for the asset's object, with the moment it stops working. */
export async function signAssetUrl(storage: Storage, row: AssetRow, options: SignUrlOptions) {
  // Signatures carry whole seconds, so the expiry is counted from the truncated signing time.
  const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const url = await storage.presignGet(row.storageKey, {
    expiresIn: options.expiresIn,
    disposition: options.disposition,
    fileName: row.fileName,
    now: signedAt,
  });
  const expiresAt = new Date(signedAt.getTime() + options.expiresIn * 1000).toISOString();
  return { url, expires_at: expiresAt, expires_in: options.expiresIn };
}
