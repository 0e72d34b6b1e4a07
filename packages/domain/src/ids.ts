/**
 * The ids of Vårdkedjan's records are UUIDs (PostgreSQL `uuid`). A value from a URL or a form is
 * checked against this before it is used as an id, so that a mistyped address is answered as
 * "not found" instead of reaching the database as an invalid uuid.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is `value` a UUID in its usual written form (8-4-4-4-12 hexadecimal digits, any case)? */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}
