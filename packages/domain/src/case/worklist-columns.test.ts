import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/types";
import { ALL_CONSENTS, consent } from "./test-fixtures";
import { CONSENT_KINDS, PARTY_ROLES, type ConsentKind, type ConsentRecord } from "./types";
import { worklistConsentKind, worklistFieldsVisible, worklistSortsFor, WORKLIST_SORTS } from "./worklist-columns";

describe("worklistFieldsVisible", () => {
  it("shows the ward everything, and a kommun without consent neither the fast vårdkontakt nor kommunklar", () => {
    expect(worklistFieldsVisible({ partyRole: "avdelning" }, [])).toEqual({ fixedCareContact: true, kommunklar: true });
    expect(worklistFieldsVisible({ partyRole: "kommun", role: "bistandshandlaggare" }, [])).toEqual({ fixedCareContact: false, kommunklar: false });
    expect(worklistFieldsVisible({ partyRole: "kommun", role: "bistandshandlaggare" }, ALL_CONSENTS)).toEqual({ fixedCareContact: true, kommunklar: true });
  });

  it("never shows hemtjänst the columns, nor lets it sort by them", () => {
    expect(worklistFieldsVisible({ partyRole: "hemtjanst", role: "hemtjanst" }, ALL_CONSENTS)).toEqual({ fixedCareContact: false, kommunklar: false });
    expect(worklistSortsFor("hemtjanst")).not.toContain("fast_vardkontakt");
    expect(worklistSortsFor("avd_ssk")).toEqual(WORKLIST_SORTS);
  });
});

describe("worklistConsentKind", () => {
  // Every history of each kind: none, given, refused, and a change of mind either way.
  const histories = (kind: ConsentKind): ConsentRecord[][] => {
    const at = (minutes: number, given: boolean): ConsentRecord => ({ ...consent(kind, given), documentedAt: new Date(Date.UTC(2026, 10, 1, 8, minutes)) });
    return [[], [at(0, true)], [at(0, false)], [at(0, true), at(5, false)], [at(0, false), at(5, true)]];
  };
  const sets = CONSENT_KINDS.reduce<ConsentRecord[][]>((acc, kind) => acc.flatMap((set) => histories(kind).map((h) => [...set, ...h])), [[]]);

  it("reads only records that decide the columns: with that kind's records alone every viewer sees the same", () => {
    for (const partyRole of PARTY_ROLES) {
      const kind = worklistConsentKind(partyRole);
      for (const role of ROLES)
        for (const consents of sets) {
          const viewer = { partyRole, role };
          expect(worklistFieldsVisible(viewer, kind ? consents.filter((c) => c.kind === kind) : [])).toEqual(worklistFieldsVisible(viewer, consents));
        }
    }
  });

  it("needs no consent for the ward and the kommun's information-transfer consent for the kommun's parties", () => {
    expect(worklistConsentKind("avdelning")).toBeNull();
    expect(worklistConsentKind("kommun")).toBe("informationsoverforing_kommun");
    expect(worklistConsentKind("vardcentral")).toBe("informationsoverforing_vardcentral");
  });
});
