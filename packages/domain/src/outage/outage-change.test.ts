import { describe, expect, it } from "vitest";
import { declaredChange, parseOutageChange, updatedChange } from "./outage-change";

describe("outage history entries (outage_events.change)", () => {
  it("a declared outage keeps what was chosen, the expected end as an ISO string", () => {
    const change = declaredChange({
      system: "journalsystem",
      systemDetail: "Cosmic",
      scope: "units",
      unitIds: ["u1", "u2"],
      expectedEndAt: new Date("2026-03-02T14:00:00Z"),
      message: "Ring avdelningen",
    });
    expect(change).toEqual({
      action: "startad",
      system: "journalsystem",
      systemDetail: "Cosmic",
      scope: "units",
      unitIds: ["u1", "u2"],
      expectedEndAt: "2026-03-02T14:00:00.000Z",
      message: "Ring avdelningen",
    });
    // As jsonb gives it back.
    expect(parseOutageChange(JSON.parse(JSON.stringify(change)))).toEqual(change);
  });

  it("a change records only the fields given, null for one removed", () => {
    expect(updatedChange({ message: null })).toEqual({ action: "andrad", message: null });
    expect(updatedChange({ expectedEndAt: new Date("2026-03-02T14:00:00Z"), systemDetail: "Cosmic" })).toEqual({
      action: "andrad",
      expectedEndAt: "2026-03-02T14:00:00.000Z",
      systemDetail: "Cosmic",
    });
    expect("message" in parseOutageChange({ action: "andrad", expectedEndAt: null })).toBe(false);
  });

  it("reads the entries written before the type existed (a change also carried the outage id)", () => {
    expect(parseOutageChange({ action: "andrad", outageId: "o1", message: "Ny text" })).toEqual({ action: "andrad", message: "Ny text" });
    expect(parseOutageChange({ action: "foreslagen", integration: "Cosmic", detail: "HTTP 503" })).toEqual({
      action: "foreslagen",
      integration: "Cosmic",
      detail: "HTTP 503",
    });
    expect(parseOutageChange({ action: "avslutad" })).toEqual({ action: "avslutad" });
  });

  it("refuses an entry of no known kind or an unknown system", () => {
    expect(() => parseOutageChange({ action: "raderad" })).toThrow();
    expect(() => parseOutageChange({ action: "startad", system: "kaffemaskin", scope: "region", unitIds: [] })).toThrow();
  });
});
