import { describe, expect, it } from "vitest";
import {
  DEVIATION_CATEGORIES,
  DEVIATION_CATEGORY_LABELS,
  DEVIATION_STATUSES,
  DEVIATION_STATUS_LABELS,
  DEVIATION_TEXT_MAX,
  OPEN_DEVIATION_STATUSES,
  deviationReportSchema,
} from "./types";

const ORG = "7a1c3a52-1d7e-4f57-9a57-3a1b2c3d4e5f";

describe("the deviation vocabularies", () => {
  it("has the six categories of the cooperation, each with a distinct Swedish label", () => {
    expect(DEVIATION_CATEGORIES).toEqual([
      "meddelande_sent",
      "information_saknas",
      "fel_mottagare",
      "utskriven_utan_kommunklar",
      "reservrutin_ej_foljd",
      "annat",
    ]);
    expect(Object.keys(DEVIATION_CATEGORY_LABELS)).toEqual([...DEVIATION_CATEGORIES]);
    const labels = Object.values(DEVIATION_CATEGORY_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    expect(DEVIATION_CATEGORY_LABELS.utskriven_utan_kommunklar).toBe("Utskriven utan kommunklar");
  });

  it("has the four statuses in order, labelled, and counts every status but avslutad as open", () => {
    expect(DEVIATION_STATUSES).toEqual(["ny", "under_utredning", "besvarad", "avslutad"]);
    expect(Object.values(DEVIATION_STATUS_LABELS)).toEqual(["Ny", "Under utredning", "Besvarad", "Avslutad"]);
    expect(OPEN_DEVIATION_STATUSES).toEqual(["ny", "under_utredning", "besvarad"]);
  });
});

describe("deviationReportSchema", () => {
  it("accepts a report and trims its description", () => {
    expect(deviationReportSchema.parse({ category: "fel_mottagare", description: "  Gick till fel hemtjänstgrupp. ", receiverOrganisationId: ORG })).toEqual({
      category: "fel_mottagare",
      description: "Gick till fel hemtjänstgrupp.",
      receiverOrganisationId: ORG,
    });
  });

  it("answers each missing or bad field in Swedish", () => {
    const r = deviationReportSchema.safeParse({ category: "okand", description: "   ", receiverOrganisationId: "x" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toEqual({
      category: "Välj en kategori.",
      description: "Skriv vad som hände.",
      receiverOrganisationId: "Välj vilken organisation avvikelsen gäller.",
    });
    const long = deviationReportSchema.safeParse({ category: "annat", description: "x".repeat(DEVIATION_TEXT_MAX + 1), receiverOrganisationId: ORG });
    expect(long.error?.issues[0]?.message).toBe(`Högst ${DEVIATION_TEXT_MAX} tecken.`);
  });
});
