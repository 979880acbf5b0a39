import fc from "fast-check";
import { expect } from "vitest";

// Generated inputs per property; the figure is reported in RELIABILITY.md.
export const RUNS = 150;

/** Strings that break naive code: unicode, control characters, traversal, huge numbers, long runs. */
export const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("../../etc/passwd", "..%2F..%2F", "%00", "\r\nX-Injected: 1", "-1", "1e309", "NaN", "[]", "{}"),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
  fc.string({ minLength: 1000, maxLength: 10_000 }),
);

const queryNames = [
  "type",
  "provider",
  "execution_id",
  "agent_id",
  "created_after",
  "created_before",
  "page",
  "limit",
  "cursor",
  "expires_in",
  "disposition",
];

/** Repeated names turn scalars into arrays, the classic way to confuse a validator. */
export const hostileQuery = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...queryNames), hostileString), hostileString), { maxLength: 6 })
  .map((pairs) => new URLSearchParams(pairs).toString());

export const deepJson = fc.integer({ min: 1, max: 20_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`);

/** Counts answers per property, so a run that never reached the success path fails loudly. */
export function statusTally() {
  const seen = new Map<number, number>();
  return {
    record(status: number, allowed: number[]) {
      expect(allowed).toContain(status);
      seen.set(status, (seen.get(status) ?? 0) + 1);
    },
    expectBoth(success: number) {
      expect(seen.get(success) ?? 0).toBeGreaterThan(0);
      expect([...seen.keys()].some((status) => status >= 400)).toBe(true);
    },
  };
}
