/**
 * Is this error (or one it wraps) PostgreSQL's unique violation on the named index? The loser of a
 * race on a unique key (two same-key sends, two same-key creates) gets it; the services answer it
 * with the winner's result instead of an error.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const pg = e as { code?: unknown; constraint?: unknown };
    if (pg.code === "23505" && pg.constraint === constraint) return true;
  }
  return false;
}
