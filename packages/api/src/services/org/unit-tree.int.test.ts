import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { schema, eq } from "@vardkedjan/db/client";
import { ancestorsOf, regionUnitsWithAncestors, unitsWithDescendants } from "./unit-tree";

/**
 * A small tree of its own: Region Test with a hospital (two wards, one with a section below it)
 * and a kommun with a hemtjänst group under its förvaltning; another region with one unit.
 */
describe("the unit tree", () => {
  let t: TestDatabase;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    const org = async (key: string, kind: "region" | "kommun", regionId: string | null) => {
      const [row] = await t.db
        .insert(schema.organisations)
        .values({ hsaId: `SE-TREE-${key}`, kind, name: key, orgNo: "2120000000", regionId })
        .returning({ id: schema.organisations.id });
      id[key] = row!.id;
    };
    const unit = async (key: string, organisation: string, parent: string | null, kind: typeof schema.units.$inferInsert.kind) => {
      const [row] = await t.db
        .insert(schema.units)
        .values({ hsaId: `SE-TREE-U-${key}`, organisationId: id[organisation]!, parentId: parent ? id[parent]! : null, kind, name: key })
        .returning({ id: schema.units.id });
      id[key] = row!.id;
    };
    await org("region", "region", null);
    await org("kommun", "kommun", id.region!);
    await org("other", "region", null);
    await unit("hospital", "region", null, "sjukhus");
    await unit("ward1", "region", "hospital", "vardavdelning");
    await unit("ward2", "region", "hospital", "vardavdelning");
    await unit("section", "region", "ward1", "vardavdelning");
    await unit("forvaltning", "kommun", null, "forvaltning");
    await unit("hemtjanst", "kommun", "forvaltning", "hemtjanstgrupp");
    await unit("elsewhere", "other", null, "sjukhus");
  });
  afterAll(() => t.close());

  const keysOf = (ids: readonly string[]) => ids.map((u) => Object.keys(id).find((k) => id[k] === u)).sort();

  it("gives the units and every unit below them, each once", async () => {
    expect(keysOf(await unitsWithDescendants(t.db, [id.hospital!]))).toEqual(["hospital", "section", "ward1", "ward2"]);
    expect(keysOf(await unitsWithDescendants(t.db, [id.ward1!, id.section!, id.forvaltning!]))).toEqual(["forvaltning", "hemtjanst", "section", "ward1"]);
    expect(await unitsWithDescendants(t.db, [])).toEqual([]);
    expect(await unitsWithDescendants(t.db, ["00000000-0000-4000-8000-000000000001"])).toEqual([]);
  });

  it("gives each unit the units above it, nearest first", async () => {
    const up = await ancestorsOf(t.db, [id.section!, id.ward2!, id.hospital!]);
    expect(keysOf(up.get(id.section!)!)).toEqual(["hospital", "ward1"]);
    expect(up.get(id.section!)).toEqual([id.ward1, id.hospital]);
    expect(up.get(id.ward2!)).toEqual([id.hospital]);
    expect(up.get(id.hospital!)).toEqual([]);
    expect((await ancestorsOf(t.db, [])).size).toBe(0);
  });

  it("lists a region's units, its kommuner's too, with their ancestors, and no other region's", async () => {
    const units = await regionUnitsWithAncestors(t.db, id.region!);
    expect(keysOf(units.map((u) => u.id))).toEqual(["forvaltning", "hemtjanst", "hospital", "section", "ward1", "ward2"]);
    expect(units.every((u) => u.regionId === id.region)).toBe(true);
    expect(units.find((u) => u.id === id.section)).toMatchObject({ name: "section", ancestors: [id.ward1, id.hospital] });
    expect(units.find((u) => u.id === id.hemtjanst)?.ancestors).toEqual([id.forvaltning]);
  });

  it("stops on a parent cycle typed in by mistake instead of walking forever", async () => {
    await makeParentCycle();
    expect(keysOf(await unitsWithDescendants(t.db, [id.loopA!]))).toEqual(["loopA", "loopB"]);
    const up = await ancestorsOf(t.db, [id.loopA!]);
    expect(new Set(up.get(id.loopA!))).toEqual(new Set([id.loopA, id.loopB]));
  });

  async function makeParentCycle() {
    const [a] = await t.db
      .insert(schema.units)
      .values({ hsaId: "SE-TREE-U-loopA", organisationId: id.other!, kind: "sjukhus", name: "loopA" })
      .returning({ id: schema.units.id });
    const [b] = await t.db
      .insert(schema.units)
      .values({ hsaId: "SE-TREE-U-loopB", organisationId: id.other!, parentId: a!.id, kind: "vardavdelning", name: "loopB" })
      .returning({ id: schema.units.id });
    await t.db.update(schema.units).set({ parentId: b!.id }).where(eq(schema.units.id, a!.id));
    id.loopA = a!.id;
    id.loopB = b!.id;
  }
});
