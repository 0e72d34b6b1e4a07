import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/types";
import { can, PATIENT_DATA_ACTIONS } from "../access/actions";

describe("who reports, handles and counts deviations", () => {
  it("every party working in the cases reports, hemtjänst and administrators do not", () => {
    expect(ROLES.filter((r) => can(r, "deviation.report"))).toEqual([
      "avd_ssk",
      "lakare",
      "terapeut",
      "utskrivningsledare",
      "vc_personal",
      "psykiatri_oppenvard",
      "bistandshandlaggare",
      "kommun_ssk",
      "mas",
    ]);
  });

  it("the responsible functions handle: the utskrivningsledare in the region, MAS in the kommun", () => {
    expect(ROLES.filter((r) => can(r, "deviation.handle"))).toEqual(["utskrivningsledare", "mas"]);
  });

  it("administrators read the counts only, which are no patient data", () => {
    expect(ROLES.filter((r) => can(r, "deviation.readStatistics"))).toEqual(["sysadmin", "kommunadmin"]);
    expect(PATIENT_DATA_ACTIONS).toContain("deviation.report");
    expect(PATIENT_DATA_ACTIONS).toContain("deviation.handle");
    expect(PATIENT_DATA_ACTIONS).not.toContain("deviation.readStatistics");
  });
});
