import { describe, expect, it } from "vitest";
import { partyRoleForUnitKind, primaryPartyRole } from "./party-role";

describe("party roles", () => {
  it("maps unit kinds that can be parties and refuses the others", () => {
    expect(partyRoleForUnitKind("vardavdelning")).toBe("avdelning");
    expect(partyRoleForUnitKind("bistandsenhet")).toBe("kommun");
    expect(partyRoleForUnitKind("hemtjanstgrupp")).toBe("hemtjanst");
    expect(partyRoleForUnitKind("sjukhus")).toBeNull();
    expect(partyRoleForUnitKind("region")).toBeNull();
  });
  it("picks the ward first, then the receiving parties in process order", () => {
    expect(primaryPartyRole(["hemtjanst", "kommun"])).toBe("kommun");
    expect(primaryPartyRole(["vardcentral", "avdelning"])).toBe("avdelning");
    expect(primaryPartyRole([])).toBeNull();
  });
});
