import { describe, expect, it } from "vitest";
import { ALL_CONSENTS } from "./test-fixtures";
import { worklistFieldsVisible, worklistSortsFor, WORKLIST_SORTS } from "./worklist-columns";

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
