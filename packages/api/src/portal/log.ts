/**
 * The one way the portal server logs an error. Patient data must never reach a log (PDL: the
 * server log is not the access log and is read by people without a care relationship), and an
 * error's message cannot be trusted to be free of it: Drizzle puts the SQL and its parameters
 * (message payloads, free text, searched personnummer) in `DrizzleQueryError.message`, and
 * PostgreSQL's `detail` repeats the offending key ("Key (identifier)=(…)").
 *
 * So a log line carries only: where (the procedure path or route), the chain of error classes
 * with their codes (PostgreSQL SQLSTATE such as 23505, the constraint name, tRPC/application
 * codes, Node's ECONNREFUSED …), ids the caller passes, and stack frames (file and line, no text).
 * Never a message, never query parameters, never `detail`.
 */

const CODE = /^[A-Za-z0-9_]{2,40}$/;
/** Constraint and table names are schema, not data; still, keep them to identifier characters. */
const IDENTIFIER = /^[a-z0-9_]{1,63}$/;
const MAX_CHAIN = 6;
const MAX_FRAMES = 5;

/** Ids only (uuid, HSA-id, case reference): anything else is dropped rather than logged. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface ErrorSummary {
  /** "TRPCError(INTERNAL_SERVER_ERROR) ← DrizzleQueryError ← DatabaseError(23505 coordination_cases_open_key)" */
  chain: string;
  /** The SQLSTATE of the first PostgreSQL error in the chain, if any. */
  pgCode: string | null;
  frames: string[];
}

function className(e: object): string {
  const ctor = (e as { constructor?: { name?: unknown } }).constructor;
  if (ctor && typeof ctor.name === "string" && ctor.name !== "" && ctor.name !== "Object") return ctor.name;
  const name = (e as { name?: unknown }).name;
  return typeof name === "string" && CODE.test(name) ? name : "Error";
}

function isPgError(e: object): boolean {
  const x = e as { code?: unknown; severity?: unknown };
  return typeof x.code === "string" && /^[0-9A-Z]{5}$/.test(x.code) && typeof x.severity === "string";
}

/** Stack frames ("at fn (file:line:col)") without the first line, which repeats the message. */
function framesOf(e: object): string[] {
  const stack = (e as { stack?: unknown }).stack;
  if (typeof stack !== "string") return [];
  return stack
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("at ") && !l.includes("node_modules") && !l.includes("node:internal"))
    .slice(0, MAX_FRAMES);
}

export function summariseError(error: unknown): ErrorSummary {
  const parts: string[] = [];
  let pgCode: string | null = null;
  let frames: string[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < MAX_CHAIN && e !== null && e !== undefined; depth++) {
    if (typeof e !== "object") {
      parts.push(typeof e);
      break;
    }
    const codes: string[] = [];
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === "string" && CODE.test(code)) codes.push(code);
    if (isPgError(e)) {
      pgCode ??= code as string;
      if (typeof constraint === "string" && IDENTIFIER.test(constraint)) codes.push(constraint);
    }
    parts.push(codes.length ? `${className(e)}(${codes.join(" ")})` : className(e));
    if (frames.length === 0) frames = framesOf(e);
    e = (e as { cause?: unknown }).cause;
  }
  return { chain: parts.join(" ← ") || "okänt fel", pgCode, frames };
}

/** The log line for an error: no message, no parameters; `where` is a procedure path or route name. */
export function serverErrorLine(where: string, error: unknown, ids: Record<string, string | null | undefined> = {}): string {
  const { chain, frames } = summariseError(error);
  const idText = Object.entries(ids)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && SAFE_ID.test(entry[1]) && CODE.test(entry[0]))
    .map(([k, v]) => ` ${k}=${v}`)
    .join("");
  const safeWhere = where.replace(/[^A-Za-z0-9_.\-/ ]/g, "?").slice(0, 120);
  return `[vardkedjan] fel i ${safeWhere}: ${chain}${idText}${frames.length ? ` | ${frames.join(" | ")}` : ""}`;
}

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => console.error(line);

/** Tests replace the sink to read what would be logged. */
export function setServerErrorSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

export function logServerError(where: string, error: unknown, ids?: Record<string, string | null | undefined>): void {
  sink(serverErrorLine(where, error, ids));
}
