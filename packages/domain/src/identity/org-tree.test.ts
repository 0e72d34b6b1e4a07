import { describe, expect, it } from "vitest";
import { createOrgTree, OrgTreeError } from "./org-tree";
import { AVD12, AVD14, KOMMUN, MSJ, NODES, REGION, VC_FROSLUNDA, tree } from "./test-fixtures";

describe("createOrgTree", () => {
  it("isUnder is inclusive and false for unknown nodes", () => {
    expect(tree.isUnder(AVD12, AVD12)).toBe(true);
    expect(tree.isUnder(AVD12, MSJ)).toBe(true);
    expect(tree.isUnder(AVD12, REGION)).toBe(true);
    expect(tree.isUnder(MSJ, AVD12)).toBe(false);
    expect(tree.isUnder(AVD12, KOMMUN)).toBe(false);
    expect(tree.isUnder("SE2321000032-NOPE", REGION)).toBe(false);
    expect(tree.isUnder(AVD12, "SE2321000032-NOPE")).toBe(false);
  });

  it("lists ancestors nearest first and descendants depth-first", () => {
    expect(tree.ancestors(AVD12).map((n) => n.hsaId)).toEqual([MSJ, REGION]);
    expect(tree.ancestors(REGION)).toEqual([]);
    expect(tree.descendants(REGION).map((n) => n.hsaId)).toEqual([MSJ, AVD12, AVD14, VC_FROSLUNDA, "SE2321000032-POE1"]);
    expect(tree.children(MSJ).map((n) => n.hsaId)).toEqual([AVD12, AVD14]);
  });

  it("finds the nearest ancestor-or-self of a kind, and the organisation root", () => {
    expect(tree.nearest(AVD12, ["sjukhus"])?.hsaId).toBe(MSJ);
    expect(tree.nearest(MSJ, ["sjukhus"])?.hsaId).toBe(MSJ);
    expect(tree.nearest(VC_FROSLUNDA, ["sjukhus"])).toBeUndefined();
    expect(tree.nearest(AVD12, ["kommun", "region"])?.hsaId).toBe(REGION);
    expect(tree.rootOf(AVD14)?.hsaId).toBe(REGION);
    expect(tree.rootOf(REGION)?.hsaId).toBe(REGION);
  });

  it("rejects duplicates and cycles", () => {
    expect(() => createOrgTree([...NODES, NODES[0]!])).toThrow(OrgTreeError);
    expect(() =>
      createOrgTree([
        { hsaId: "SE1-A", parentHsaId: "SE1-B", kind: "sjukhus", name: "A" },
        { hsaId: "SE1-B", parentHsaId: "SE1-A", kind: "sjukhus", name: "B" },
      ]),
    ).toThrow(/Cykel/);
  });

  it("treats a node with an unknown parent as a root (outside every other organisation)", () => {
    const t = createOrgTree([...NODES, { hsaId: "SE2321000032-ORPH", parentHsaId: "SE2321000032-GONE", kind: "vardavdelning", name: "Föräldralös" }]);
    expect(t.isUnder("SE2321000032-ORPH", REGION)).toBe(false);
    expect(t.rootOf("SE2321000032-ORPH")?.hsaId).toBe("SE2321000032-ORPH");
  });
});
