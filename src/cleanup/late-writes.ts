import { idCreatedAt } from "../ids";

/**
 * Storage and Worker clocks differ a little, and a presigned PUT is checked against storage's:
 * a key stays watched this long past its URL's nominal expiry.
 */
export const LATE_WRITE_MARGIN_MS = 60_000;

/**
 * Until when a presigned PUT may still write this key: its asset's creation (the KSUID in
 * `{workspace}/{id}/{name}`) plus UPLOAD_URL_TTL and a margin. Which way in made the asset is not
 * recorded, so every young key is watched; a second delete of a missing object costs one request.
 */
export function writableUntil(uploadUrlTtlSeconds: number, storageKey: string): Date | null {
  const id = storageKey.split("/")[1];
  const createdAt = id ? idCreatedAt(id) : null;
  if (!createdAt) return null;
  return new Date(createdAt.getTime() + uploadUrlTtlSeconds * 1000 + LATE_WRITE_MARGIN_MS);
}
