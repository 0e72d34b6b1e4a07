import { describe, expect, it } from "vitest";
import {
  PARTY_UNIT_KINDS,
  addsParties,
  isReceivingParty,
  partyRoleForUnitKind,
  primaryPartyRole,
  printsPatientSummary,
  RECEIVING_UNIT_KINDS,
} from "./party-role";
import { PARTY_ROLES } from "./types";

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
  it("the ward adds parties and prints the patient's summary; every other party receives", () => {
    expect(PARTY_ROLES.filter(addsParties)).toEqual(["avdelning"]);
    expect(PARTY_ROLES.filter(printsPatientSummary)).toEqual(["avdelning"]);
    expect(PARTY_ROLES.filter(isReceivingParty)).toEqual(["kommun", "vardcentral", "psykiatrisk_oppenvard", "hemsjukvard", "hemtjanst"]);
    expect([...PARTY_UNIT_KINDS].sort()).toEqual(["bistandsenhet", "hemsjukvard", "hemtjanstgrupp", "psykiatrisk_oppenvard", "vardavdelning", "vardcentral"]);
    expect([...RECEIVING_UNIT_KINDS].sort()).toEqual(["bistandsenhet", "hemsjukvard", "hemtjanstgrupp", "psykiatrisk_oppenvard", "vardcentral"]);
  });
});
