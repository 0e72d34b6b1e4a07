import { describe, expect, it } from "vitest";
import { fromLocalInput, localInputToIso, toDateInput, toLocalInput } from "./format";

describe("the Stockholm wall clock of the form inputs", () => {
  it("reads an instant on the Swedish clock, in winter and in summer", () => {
    expect(toLocalInput(new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-16T00:30");
    expect(toLocalInput(new Date("2026-07-01T22:05:00Z"))).toBe("2026-07-02T00:05");
    expect(toDateInput(new Date("2026-07-01T22:05:00Z"))).toBe("2026-07-02");
  });

  it("goes back to the same instant, also on the days the clock changes", () => {
    for (const iso of ["2026-03-29T00:59:00.000Z", "2026-03-29T01:00:00.000Z", "2026-10-25T00:30:00.000Z", "2026-10-25T02:00:00.000Z"]) {
      expect(fromLocalInput(toLocalInput(new Date(iso)))?.toISOString()).toBe(iso);
    }
  });

  it("leaves an unreadable value for validation to name, and an empty one out", () => {
    expect(fromLocalInput("2026-13-01T10:00")).toBeNull();
    expect(localInputToIso("igår")).toBe("igår");
    expect(localInputToIso(" ")).toBeUndefined();
  });
});
