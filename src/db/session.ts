import { ApiError } from "../errors";

/** Clients send the last bookmark they saw here, and every answer carries the session's newest one. */
export const BOOKMARK_HEADER = "x-d1-bookmark";

const BOOKMARK_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/i;
const constraints = ["first-unconstrained", "first-primary"] as const;
type Constraint = (typeof constraints)[number];

const isConstraint = (value: string): value is Constraint => constraints.some((constraint) => constraint === value);

/**
 * A D1 session for one request. Without a bookmark the first query may be served by the nearest
 * read replica; with one, every query sees at least the writes that bookmark covers (read your writes).
 */
export function openSession(d1: D1Database, bookmark: string | undefined): D1DatabaseSession {
  const value = bookmark?.trim();
  if (!value) return d1.withSession("first-unconstrained");
  if (isConstraint(value) || BOOKMARK_PATTERN.test(value)) return d1.withSession(value);
  // D1 would fail the first query on a malformed bookmark; say which header is wrong instead.
  throw new ApiError("invalid_request", `The ${BOOKMARK_HEADER} header is not a D1 bookmark.`, {
    [BOOKMARK_HEADER]: "must be a bookmark from a previous response, 'first-primary' or 'first-unconstrained'",
  });
}
