import { describe, expect, it } from "vitest";
import { DEVIATION_PORTAL, deviationSide, type DeviationViewerFacts } from "./access";

const nobody: DeviationViewerFacts = { isReporter: false, coversReportingUnit: false, handlesDeviations: false, organisation: null, coversOwnPartyUnit: false };

describe("deviationSide", () => {
  it("seats the receiving organisation's responsible function as receiver", () => {
    expect(deviationSide({ ...nobody, handlesDeviations: true, organisation: "mottagare", coversOwnPartyUnit: true })).toBe("mottagare");
  });

  it("seats the reporter, the reporting unit and the reporting organisation's responsible function on the reporting side", () => {
    expect(deviationSide({ ...nobody, isReporter: true })).toBe("anmalare");
    expect(deviationSide({ ...nobody, coversReportingUnit: true, organisation: "anmalare" })).toBe("anmalare");
    expect(deviationSide({ ...nobody, handlesDeviations: true, organisation: "anmalare", coversOwnPartyUnit: true })).toBe("anmalare");
  });

  it("gives no seat to other staff of either organisation, to a responsible function outside the case, or to another organisation", () => {
    // A colleague in the receiving kommun without the responsible role.
    expect(deviationSide({ ...nobody, organisation: "mottagare", coversOwnPartyUnit: true })).toBeNull();
    // An utskrivningsledare of another hospital of the same region.
    expect(deviationSide({ ...nobody, handlesDeviations: true, organisation: "mottagare", coversOwnPartyUnit: false })).toBeNull();
    // Another kommun's MAS.
    expect(deviationSide({ ...nobody, handlesDeviations: true, organisation: null, coversOwnPartyUnit: true })).toBeNull();
    expect(deviationSide(nobody)).toBeNull();
  });
});

describe("DEVIATION_PORTAL", () => {
  it("links each kind of organisation to the portal where its responsible function works", () => {
    expect(DEVIATION_PORTAL).toEqual({ region: "slutenvard", kommun: "kommun", privat_vardgivare: "primarvard" });
  });
});
