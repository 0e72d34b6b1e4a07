import type { AppErrorCode } from "./errors";

/** The SQLSTATE of a PostgreSQL error anywhere in a cause chain (Drizzle wraps the driver's error). */
export function sqlState(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && ("severity" in e || "routine" in e)) return code;
    if (typeof code === "string" && (code === "ECONNREFUSED" || code === "ECONNRESET")) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * What a database refusal means for the caller, when it is not a server fault: PostgreSQL's
 * classes of SQLSTATE (PostgreSQL documentation, "PostgreSQL Error Codes"). Services validate
 * first; this is the last line, so that a value the database will not store, or a lost race on a
 * unique key, is never answered as a server error. Null for everything else.
 */
export function databaseRefusal(error: unknown): AppErrorCode | null {
  const state = sqlState(error);
  if (!state) return null;
  if (state === "23505" || state === "40001" || state === "40P01") return "CONFLICT";
  // 22: data exception (NUL in text, a timestamp out of range, a number too large …);
  // 23: integrity constraint (a reference to something that does not exist).
  if (state.startsWith("22") || state.startsWith("23")) return "INVALID_INPUT";
  // 54: program limit exceeded (e.g. a value too large for an index).
  if (state.startsWith("54")) return "TOO_LARGE";
  // 08: connection exception; 57P: the server is shutting down or restarting; 53: out of resources.
  if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.startsWith("ECONN")) return "UNAVAILABLE";
  return null;
}
