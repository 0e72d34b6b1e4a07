import { describe, expect, it } from "vitest";
import { auditSampleSchema, auditSearchSchema, toSearchCriteria } from "./search";
import { AUDIT_REVIEW_OUTCOME_LABELS, AUDIT_REVIEW_OUTCOMES, accessActivityLabel } from "./review";

const messages = (input: unknown) => {
  const r = auditSearchSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("log search input", () => {
  it("accepts a valid personnummer and parses it to 12 digits", () => {
    const r = auditSearchSchema.parse({ patient: "19121212-1212" });
    expect(toSearchCriteria(r).patient?.value).toBe("191212121212");
  });

  it("refuses an invalid personnummer with the domain's Swedish message", () => {
    expect(messages({ patient: "19121212-1213" })).toEqual(["patient: Ogiltigt personnummer: kontrollsiffran stämmer inte"]);
  });

  it("needs at least one criterion", () => {
    expect(messages({})).toEqual(["patient: Ange patient, medarbetare, enhet eller en tidsperiod att söka på"]);
  });

  it("checks dates, their order and the unit's HSA-id", () => {
    expect(messages({ from: "2026-02-30" })).toEqual(["from: Ange datumet som ÅÅÅÅ-MM-DD"]);
    expect(messages({ from: "2026-03-02", to: "2026-03-01" })).toEqual(["to: Slutdatumet ligger före startdatumet"]);
    expect(messages({ unitHsaId: "avd 12" })).toEqual(["unitHsaId: Ange enhetens HSA-id, t.ex. SE2321000032-MSEAVD12"]);
  });

  it("reads a staff member as an HSA-id or a part of the name, and dates as Stockholm days", () => {
    expect(toSearchCriteria(auditSearchSchema.parse({ staff: "SE2321000032-P0001" })).staff).toEqual({ hsaId: "SE2321000032-P0001" });
    expect(toSearchCriteria(auditSearchSchema.parse({ staff: "Sjöberg" })).staff).toEqual({ nameContains: "Sjöberg" });
    const c = toSearchCriteria(auditSearchSchema.parse({ from: "2026-07-01", to: "2026-07-01" }));
    expect(c.fromAt?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(c.toAt?.toISOString()).toBe("2026-07-01T22:00:00.000Z");
  });

  it("bounds a sample's size and checks its seed", () => {
    const r = auditSampleSchema.safeParse({ from: "2026-01-01", to: "2026-01-31", size: 500, seed: "xyz" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["Högst 200 åtkomster per stickprov", "Fröet består av högst 32 tecken 0–9 och a–f"]);
  });
});

describe("review vocabulary", () => {
  it("has the two outcomes with Swedish labels", () => {
    expect(AUDIT_REVIEW_OUTCOMES.map((o) => AUDIT_REVIEW_OUTCOME_LABELS[o])).toEqual(["Utan anmärkning", "Utreds"]);
  });

  it("names a patient search Sök and otherwise the logged activity", () => {
    expect(accessActivityLabel("patient.lookup", "Läsa")).toBe("Sök");
    expect(accessActivityLabel("case.print", "Utskrift")).toBe("Utskrift");
  });
});
