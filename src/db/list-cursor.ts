import { isKsuid } from "../ids";

/** Where a newest-first listing stopped: the last row's creation time and id. */
export interface ListPosition {
  createdAt: string;
  id: string;
}

// `<created_at in Unix milliseconds>.<id>`: URL-safe, and it names a place in the (created_at, id)
// order rather than a row, so a cursor stays valid after its row is deleted.
const CURSOR_PATTERN = /^(\d{1,15})\.([0-9A-Za-z]{27})$/;
// 9999-12-31T23:59:59.999Z, the last instant with a four-digit year in ISO 8601.
const LATEST_MS = 253_402_300_799_999;

export function encodeCursor(row: ListPosition): string {
  return `${Date.parse(row.createdAt)}.${row.id}`;
}

/** The position a `next_cursor` value stands for, or null when it is not one. */
export function decodeCursor(cursor: string): ListPosition | null {
  const match = CURSOR_PATTERN.exec(cursor);
  const [, millis, id] = match ?? [];
  if (!millis || !id || !isKsuid(id) || Number(millis) > LATEST_MS) return null;
  return { createdAt: new Date(Number(millis)).toISOString(), id };
}
