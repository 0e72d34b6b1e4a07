import { describe, expect, it } from "vitest";
import { changedFields, describeGrant, describeWho, ruleStatus } from "./rule-words";
import { allRules, NOW, tree } from "./test-fixtures";

const byId = (id: string) => allRules.find((r) => r.id === id)!;

describe("rules in words", () => {
  it("says what a rule grants, with Swedish role, portal and unit names", () => {
    expect(describeGrant(byId("srm-R1"), tree)).toBe("Sjuksköterska i Slutenvård på medarbetaruppdragets vårdenhet och enheterna under");
    expect(describeGrant(byId("srm-R2"), tree)).toBe("Utskrivningsledare i Slutenvård på närmaste sjukhus över uppdragets vårdenhet och enheterna under");
    expect(describeGrant(byId("esk-R6"), tree)).toBe("MAS i Kommun på Eskilstuna kommun och enheterna under");
    expect(describeGrant(byId("esk-R5"), tree)).toBe("Hemtjänst i Kommun på enheten som systemrollen anger");
    expect(describeGrant(byId("srm-D1"), tree)).toBe("Nekar Slutenvård, Primärvård, Kommun");
  });

  it("says to whom, naming units rather than HSA-ids and unit kinds in Swedish", () => {
    const who = describeWho(byId("srm-R1"), tree);
    expect(who).toMatch(
      /^Medarbetaruppdrag där uppdragets syfte = "Vård och behandling" och .*vårdenhet inom någon av Mälarsjukhuset och vårdenhet av typen vårdavdelning; minst ett av: legitimation är en av "Sjuksköterska"$/,
    );
    expect(describeWho(byId("esk-R6"), tree)).toMatch(/^Personer där systemroll "VK-ESK;MAS"/);
  });

  it("status and the fields a new version changes", () => {
    const r1 = byId("srm-R1");
    expect(ruleStatus(r1, NOW)).toBe("aktiv");
    expect(ruleStatus({ ...r1, enabled: false }, NOW)).toBe("avstängd");
    expect(ruleStatus({ ...r1, validTo: "2026-01-01" }, NOW)).toBe("inte giltig i dag");
    expect(changedFields(r1, { ...r1, version: 2 })).toEqual([]);
    expect(changedFields(r1, { ...r1, enabled: false, description: "x", requireLoa: [] })).toEqual(["description", "enabled", "requireLoa"]);
  });
});
