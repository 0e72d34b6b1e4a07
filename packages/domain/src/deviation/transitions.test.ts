import { describe, expect, it } from "vitest";
import { DEVIATION_STATUSES, type DeviationStatus } from "./types";
import { availableDeviationTransitions, checkDeviationTransition, DEVIATION_TRANSITIONS, type DeviationSide } from "./transitions";

describe("checkDeviationTransition", () => {
  it("walks ny → under utredning → besvarad → avslutad, each step by its side", () => {
    expect(checkDeviationTransition("ny", "paborja_utredning", "mottagare")).toEqual({ ok: true, to: "under_utredning" });
    expect(checkDeviationTransition("under_utredning", "besvara", "mottagare", "Vi har sett över rutinen.")).toEqual({ ok: true, to: "besvarad" });
    expect(checkDeviationTransition("besvarad", "avsluta", "anmalare")).toEqual({ ok: true, to: "avslutad" });
  });

  it("lets the reporting side reopen an answer it finds insufficient, with a text, back to under utredning", () => {
    expect(checkDeviationTransition("besvarad", "ateroppna", "anmalare", "Svaret säger inget om helger.")).toEqual({ ok: true, to: "under_utredning" });
    expect(checkDeviationTransition("besvarad", "ateroppna", "anmalare", "  ")).toMatchObject({
      ok: false,
      code: "text_missing",
      message: "Skriv vad som saknas i svaret.",
    });
  });

  it("refuses an answer without text", () => {
    expect(checkDeviationTransition("under_utredning", "besvara", "mottagare", "")).toMatchObject({
      ok: false,
      code: "text_missing",
      message: "Skriv ett svar.",
    });
    expect(checkDeviationTransition("under_utredning", "besvara", "mottagare")).toMatchObject({ ok: false, code: "text_missing" });
  });

  it("refuses the reporting side's steps to the receiver and the receiver's to the reporter, in Swedish", () => {
    expect(checkDeviationTransition("ny", "paborja_utredning", "anmalare")).toEqual({
      ok: false,
      code: "not_your_side",
      message: "Bara den organisation som avvikelsen är rapporterad till kan påbörja utredning.",
    });
    expect(checkDeviationTransition("under_utredning", "besvara", "anmalare", "x")).toMatchObject({ ok: false, code: "not_your_side" });
    expect(checkDeviationTransition("besvarad", "avsluta", "mottagare")).toEqual({
      ok: false,
      code: "not_your_side",
      message: "Bara den som rapporterade avvikelsen kan avsluta avvikelsen.",
    });
    expect(checkDeviationTransition("besvarad", "ateroppna", "mottagare", "x")).toMatchObject({ ok: false, code: "not_your_side" });
    for (const t of DEVIATION_TRANSITIONS) expect(checkDeviationTransition("ny", t, null, "x")).toMatchObject({ ok: false, code: "not_your_side" });
  });

  it("refuses a step from the wrong status: no answer before investigation, no closing before an answer, nothing after closing", () => {
    expect(checkDeviationTransition("ny", "besvara", "mottagare", "x")).toEqual({
      ok: false,
      code: "wrong_status",
      message: "Det går inte att skicka svar: avvikelsen är ny.",
    });
    expect(checkDeviationTransition("ny", "avsluta", "anmalare")).toMatchObject({ ok: false, code: "wrong_status" });
    expect(checkDeviationTransition("under_utredning", "avsluta", "anmalare")).toMatchObject({ ok: false, code: "wrong_status" });
    expect(checkDeviationTransition("under_utredning", "paborja_utredning", "mottagare")).toMatchObject({ ok: false, code: "wrong_status" });
    for (const t of DEVIATION_TRANSITIONS) {
      const side: DeviationSide = t === "avsluta" || t === "ateroppna" ? "anmalare" : "mottagare";
      expect(checkDeviationTransition("avslutad", t, side, "x")).toMatchObject({
        ok: false,
        code: "wrong_status",
        message: expect.stringContaining("är avslutad"),
      });
    }
  });
});

describe("availableDeviationTransitions", () => {
  it("offers each side exactly the steps it may take from each status", () => {
    const table = Object.fromEntries(
      DEVIATION_STATUSES.map((s: DeviationStatus) => [
        s,
        { mottagare: availableDeviationTransitions(s, "mottagare"), anmalare: availableDeviationTransitions(s, "anmalare") },
      ]),
    );
    expect(table).toEqual({
      ny: { mottagare: ["paborja_utredning"], anmalare: [] },
      under_utredning: { mottagare: ["besvara"], anmalare: [] },
      besvarad: { mottagare: [], anmalare: ["avsluta", "ateroppna"] },
      avslutad: { mottagare: [], anmalare: [] },
    });
    expect(availableDeviationTransitions("ny", null)).toEqual([]);
  });

  it("agrees with checkDeviationTransition for every status, step and side", () => {
    for (const s of DEVIATION_STATUSES)
      for (const side of ["mottagare", "anmalare", null] as const)
        for (const t of DEVIATION_TRANSITIONS) expect(checkDeviationTransition(s, t, side, "text").ok).toBe(availableDeviationTransitions(s, side).includes(t));
  });
});
