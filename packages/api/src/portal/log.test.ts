import { afterEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { logServerError, serverErrorLine, setServerErrorSink, summariseError } from "./log";

/** Shaped like drizzle-orm's DrizzleQueryError: the query and its parameters in the message. */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    override readonly cause?: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(",")}`);
  }
}

/** Shaped like pg-protocol's DatabaseError (name "error", SQLSTATE in `code`, the key in `detail`). */
class DatabaseError extends Error {
  override readonly name = "error";
  severity = "ERROR";
  code = "23505";
  detail = "Key (identifier)=(191212121212) already exists.";
  constraint = "population_register_pkey";
}

const PATIENT = "191212121212";
const FREE_TEXT = "Tolvan har fallit i hemmet och behöver hjälp med morgonrutiner";

function dbFailure(): TRPCError {
  const db = new DatabaseError(`duplicate key value violates unique constraint "population_register_pkey"`);
  const drizzle = new DrizzleQueryError(`insert into "messages" ("payload", "identifier") values ($1, $2)`, [FREE_TEXT, PATIENT], db);
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: drizzle.message, cause: drizzle });
}

describe("server error log line", () => {
  let restore: ((line: string) => void) | undefined;
  afterEach(() => {
    if (restore) setServerErrorSink(restore);
  });

  it("names the error classes, the PostgreSQL code, the constraint, the path and ids, and nothing from the query", () => {
    const lines: string[] = [];
    restore = setServerErrorSink((l) => lines.push(l));
    logServerError("trpc case.sendMessage", dbFailure(), { caseId: "0b6f7c2e-6a55-4c1e-9d7e-2b8f3f3a1c11" });
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toContain("trpc case.sendMessage");
    expect(line).toContain("TRPCError(INTERNAL_SERVER_ERROR) ← DrizzleQueryError ← DatabaseError(23505 population_register_pkey)");
    expect(line).toContain("caseId=0b6f7c2e-6a55-4c1e-9d7e-2b8f3f3a1c11");
    for (const secret of [PATIENT, "Tolvan", "morgonrutiner", "insert into", "params", "Key (identifier)", "duplicate key"]) {
      expect(line, secret).not.toContain(secret);
    }
    expect(summariseError(dbFailure()).pgCode).toBe("23505");
  });

  it("drops ids that are not plain identifiers, and never prints a message of any error", () => {
    const line = serverErrorLine("dokument", new Error(`kunde inte tolka ${PATIENT}`), { sok: `Tolvan ${PATIENT}`, caseId: "abc-123" });
    expect(line).not.toContain(PATIENT);
    expect(line).not.toContain("Tolvan");
    expect(line).toContain("caseId=abc-123");
    expect(line).toMatch(/fel i dokument: Error/);
  });

  it("copes with errors that are not Error objects", () => {
    expect(serverErrorLine("x", "191212121212 hittades inte")).not.toContain(PATIENT);
    expect(serverErrorLine("x", null)).toContain("okänt fel");
  });
});
