import { describe, expect, it } from "vitest";
import { groupUnits, matchesUnit } from "./unit-search";

const units = [
  { id: "1", name: "Hemtjänst Fröslunda", kind: "hemtjanstgrupp", organisationName: "Eskilstuna kommun" },
  { id: "2", name: "Kommunal hemsjukvård", kind: "hemsjukvard", organisationName: "Eskilstuna kommun" },
  { id: "3", name: "Vårdcentralen Fröslunda", kind: "vardcentral", organisationName: "Region Sörmland" },
];

describe("the party picker's search", () => {
  it("matches every typed word against name, kind and organisation, ignoring case", () => {
    expect(units.filter((u) => matchesUnit(u, "fröslunda")).map((u) => u.id)).toEqual(["1", "3"]);
    expect(units.filter((u) => matchesUnit(u, "ESKILSTUNA hemsjukvård")).map((u) => u.id)).toEqual(["2"]);
    expect(units.filter((u) => matchesUnit(u, "vårdcentral region")).map((u) => u.id)).toEqual(["3"]);
    expect(units.filter((u) => matchesUnit(u, "  ")).length).toBe(3);
    expect(units.filter((u) => matchesUnit(u, "sundsvall")).length).toBe(0);
  });
  it("groups by organisation in the order given", () => {
    expect(groupUnits(units).map((g) => [g.organisationName, g.units.map((u) => u.id)])).toEqual([
      ["Eskilstuna kommun", ["1", "2"]],
      ["Region Sörmland", ["3"]],
    ]);
  });
});
