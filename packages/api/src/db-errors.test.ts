import { describe, expect, it } from "vitest";
import { databaseRefusal, sqlState } from "./db-errors";

/** A driver error as node-postgres builds it, wrapped as Drizzle wraps it. */
const pgError = (code: string) =>
  Object.assign(new Error("Failed query: … params: …"), { cause: Object.assign(new Error("x"), { code, severity: "ERROR", routine: "r" }) });

describe("database refusals", () => {
  it("finds the SQLSTATE behind Drizzle's wrapper, and nothing in an ordinary error", () => {
    expect(sqlState(pgError("22021"))).toBe("22021");
    expect(sqlState(new Error("boom"))).toBeNull();
    // A code that is not PostgreSQL's (no severity/routine) is not taken for one.
    expect(sqlState(Object.assign(new Error("x"), { code: "ABCDE" }))).toBeNull();
  });

  it("answers bad values as invalid input, a lost race as a conflict, a lost connection as unavailable", () => {
    expect(databaseRefusal(pgError("22021"))).toBe("INVALID_INPUT"); // NUL in text
    expect(databaseRefusal(pgError("22P05"))).toBe("INVALID_INPUT"); // \u0000 in jsonb
    expect(databaseRefusal(pgError("22008"))).toBe("INVALID_INPUT"); // timestamp out of range
    expect(databaseRefusal(pgError("23503"))).toBe("INVALID_INPUT"); // reference to nothing
    expect(databaseRefusal(pgError("23505"))).toBe("CONFLICT");
    expect(databaseRefusal(pgError("40001"))).toBe("CONFLICT");
    expect(databaseRefusal(pgError("54000"))).toBe("TOO_LARGE");
    expect(databaseRefusal(pgError("57P01"))).toBe("UNAVAILABLE");
    expect(databaseRefusal(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe("UNAVAILABLE");
    // A server fault stays one (e.g. a syntax error in a query).
    expect(databaseRefusal(pgError("42601"))).toBeNull();
    expect(databaseRefusal(new Error("boom"))).toBeNull();
  });
});
