import { describe, expect, it } from "vitest";
import { bringInRefusal, mayAddParties, partyAddRefusal, unitsBroughtIn, type PartyCandidate } from "./party-add";
import { PARTY_ROLES } from "./types";

const REGION = "region-sormland";
const ESKILSTUNA = "kommun-eskilstuna";
const NYKOPING = "kommun-nykoping";
const unit = (kind: PartyCandidate["kind"], organisationId: string, organisationRegionId: string | null = REGION): PartyCandidate => ({
  kind,
  active: true,
  organisationId,
  organisationRegionId,
});

describe("who may add which unit as a party", () => {
  it("only the ward and the kommun add parties", () => {
    expect(PARTY_ROLES.filter(mayAddParties)).toEqual(["avdelning", "kommun"]);
  });

  it("the ward adds any receiving unit of the case's region and its kommuner, nothing outside it", () => {
    const ward = { partyRole: "avdelning" as const, organisationId: REGION };
    expect(partyAddRefusal(ward, REGION, unit("hemsjukvard", ESKILSTUNA))).toBeNull();
    expect(partyAddRefusal(ward, REGION, unit("hemtjanstgrupp", NYKOPING))).toBeNull();
    expect(partyAddRefusal(ward, REGION, unit("psykiatrisk_oppenvard", REGION, null))).toBeNull();
    expect(partyAddRefusal(ward, REGION, unit("hemsjukvard", "kommun-sundsvall", "region-vasternorrland"))).toMatch(/kan inte läggas till/);
    expect(partyAddRefusal(ward, REGION, unit("vardavdelning", REGION, null))).toMatch(/mottagande enhet/);
  });

  it("the kommun brings in its own hemsjukvård and hemtjänst, not another kommun's, not the region's", () => {
    const kommun = { partyRole: "kommun" as const, organisationId: ESKILSTUNA };
    expect(partyAddRefusal(kommun, REGION, unit("hemsjukvard", ESKILSTUNA))).toBeNull();
    expect(partyAddRefusal(kommun, REGION, unit("hemtjanstgrupp", ESKILSTUNA))).toBeNull();
    expect(partyAddRefusal(kommun, REGION, unit("hemtjanstgrupp", NYKOPING))).toMatch(/egna kommunen/);
    expect(partyAddRefusal(kommun, REGION, unit("vardcentral", REGION, null))).toMatch(/avdelningen/);
    expect(partyAddRefusal(kommun, REGION, unit("bistandsenhet", ESKILSTUNA))).toMatch(/hemsjukvård och hemtjänst/);
  });

  it("no other party adds anyone, and an inactive unit is never added", () => {
    for (const partyRole of ["vardcentral", "psykiatrisk_oppenvard", "hemsjukvard", "hemtjanst"] as const) {
      expect(partyAddRefusal({ partyRole, organisationId: ESKILSTUNA }, REGION, unit("hemtjanstgrupp", ESKILSTUNA))).toMatch(/läggs till av avdelningen/);
    }
    expect(partyAddRefusal({ partyRole: "avdelning", organisationId: REGION }, REGION, { ...unit("hemsjukvard", ESKILSTUNA), active: false })).toMatch(
      /inte längre aktiv/,
    );
  });
});

describe("units a message brings in", () => {
  it("reads the decision's and the assignment's units, once each, and nothing from other kinds", () => {
    expect(unitsBroughtIn("meddela_beslut", { applied: [], decided: ["x"], bringInUnitIds: ["a", "b", "a"] })).toEqual(["a", "b"]);
    expect(unitsBroughtIn("uppdrag_hemsjukvard", { tasks: "t", bringInUnitIds: ["a"] })).toEqual(["a"]);
    expect(unitsBroughtIn("generellt", { bringInUnitIds: ["a"] })).toEqual([]);
    expect(unitsBroughtIn("meddela_beslut", { decided: ["x"] })).toEqual([]);
    expect(unitsBroughtIn("meddela_beslut", null)).toEqual([]);
  });

  it("a decision brings in home care; an assignment only hemsjukvård", () => {
    expect(bringInRefusal("meddela_beslut", "hemtjanstgrupp")).toBeNull();
    expect(bringInRefusal("meddela_beslut", "hemsjukvard")).toBeNull();
    expect(bringInRefusal("meddela_beslut", "vardcentral")).toMatch(/hemsjukvård och hemtjänst/);
    expect(bringInRefusal("uppdrag_hemsjukvard", "hemsjukvard")).toBeNull();
    expect(bringInRefusal("uppdrag_hemsjukvard", "hemtjanstgrupp")).toMatch(/bara föra in hemsjukvård/);
  });
});
