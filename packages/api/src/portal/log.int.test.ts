import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@vardkedjan/db/client";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { serverErrorLine } from "./log";

/** A real failing query through the real client: what the portal would log about it. */
describe("server error log line for a real database error", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("has the SQLSTATE and the error classes, never the query or its parameters", async () => {
    const searched = "191212121212";
    const error = await t.db.execute(sql`select ${searched}::int as n`).catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain(searched); // what made the old log leak
    const line = serverErrorLine("trpc patient.search", error);
    expect(line).toContain("22003");
    expect(line).toMatch(/DrizzleQueryError/);
    expect(line).not.toContain(searched);
    expect(line).not.toMatch(/select|params/i);
  });
});
