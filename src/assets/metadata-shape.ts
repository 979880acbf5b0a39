import { ApiError } from "../errors";

/** Nesting levels, counting the top-level object as 1. Deep JSON costs stack wherever it is rendered. */
export const MAX_METADATA_DEPTH = 16;
/** Object keys in total, at every level. */
export const MAX_METADATA_KEYS = 1000;

/**
 * What is wrong with a metadata value's shape, or null. Walks with an explicit stack, so a value
 * nested thousands deep is measured (and refused) without recursion, and stops at the first excess.
 */
export function metadataShapeProblem(metadata: unknown): string | null {
  const pending: [unknown, number][] = [[metadata, 1]];
  let keys = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (value === null || typeof value !== "object") continue;
    if (depth > MAX_METADATA_DEPTH) return `is nested more than ${MAX_METADATA_DEPTH} levels deep`;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value)) keys += children.length;
    if (keys > MAX_METADATA_KEYS) return `has more than ${MAX_METADATA_KEYS} keys in total`;
    for (const child of children) pending.push([child, depth + 1]);
  }
  return null;
}

/** Metadata is stored on every row and shown in the UI, so its shape is bounded like its size. */
export function assertMetadataShape(metadata: unknown) {
  const problem = metadataShapeProblem(metadata);
  if (problem) {
    throw new ApiError("invalid_request", `metadata ${problem}.`, { metadata: problem });
  }
}
