import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { createTestDatabase, type TestDatabase } from "./testing/index";
import { rowOfJson, schema } from "./client";

// A row read as `to_json(t)` and mapped by rowOfJson must be what Drizzle's own select returns:
// the case page and the login session are read that way.
describe("rowOfJson", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    // A case with its dates and a date-only column filled in, beside the demo's organisation.
    const [ward] = await t.db
      .select()
      .from(schema.units)
      .where(sql`kind = 'vardavdelning'`)
      .limit(1);
    const [patient] = await t.db
      .insert(schema.patients)
      .values({ identifierKind: "personnummer", identifier: "191212121212", givenName: "Tolvan", familyName: "Tolvansson", registerUncheckedSince: new Date() })
      .returning();
    const [org] = await t.db
      .select()
      .from(schema.organisations)
      .where(sql`id = ${ward!.organisationId}`);
    await t.db.insert(schema.coordinationCases).values({
      reference: "TEST-1",
      patientId: patient!.id,
      regionId: org!.regionId ?? org!.id,
      hospitalUnitId: ward!.parentId ?? ward!.id,
      wardUnitId: ward!.id,
      admittedAt: new Date(Date.UTC(2026, 10, 1, 8, 30, 15, 123)),
      estimatedDischargeDate: "2026-11-05",
      readyForDischargeAt: new Date(Date.UTC(2026, 10, 3, 9)),
    });
  });
  afterAll(() => t.close());

  const tables: [string, PgTable][] = [
    ["coordination_cases", schema.coordinationCases],
    ["staff", schema.staff],
    ["patients", schema.patients],
    ["units", schema.units],
  ];

  it.each(tables)("reads every column of %s as Drizzle's select does", async (name, table) => {
    const selected = await t.db.select().from(table).limit(20);
    expect(selected.length).toBeGreaterThan(0);
    const json = await t.db.execute<{ row: Record<string, unknown> }>(sql`select to_json(x) as row from ${sql.identifier(name)} x`);
    const byId = new Map(json.rows.map((r) => [r.row.id, rowOfJson(table, r.row)]));
    for (const row of selected as { id: string }[]) expect(byId.get(row.id)).toEqual(row);
  });

  it("keeps a string inside a jsonb column as the string it is", async () => {
    const [staff] = await t.db.select().from(schema.staff).limit(1);
    const row = rowOfJson(schema.staff, {
      ...Object.fromEntries(Object.keys(getTableColumns(schema.staff)).map((k) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), null])),
      id: staff!.id,
      preferred_contexts: "[1]",
    });
    expect(row.preferredContexts).toBe("[1]");
  });

  it("refuses a row without one of the table's columns, rather than reading it as null", () => {
    expect(() => rowOfJson(schema.units, { id: "x" })).toThrow(/saknas/);
  });
});
