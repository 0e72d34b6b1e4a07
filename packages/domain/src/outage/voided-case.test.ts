import { describe, expect, it } from "vitest";
import { isVoidedCase, isVoidingClosure } from "./voided-case";

describe("isVoidingClosure", () => {
  it("is a closure as wrongly created, and no other", () => {
    expect(isVoidingClosure({ kind: "avslut", payload: { reason: "makulerad" } })).toBe(true);
    expect(isVoidingClosure({ kind: "avslut", payload: { reason: "utskriven_klar" } })).toBe(false);
    expect(isVoidingClosure({ kind: "generellt", payload: { reason: "makulerad" } })).toBe(false);
  });
  it("marks a case with such a closure among its events", () => {
    expect(
      isVoidedCase([
        { kind: "inskrivningsmeddelande", payload: {} },
        { kind: "avslut", payload: { reason: "makulerad" } },
      ]),
    ).toBe(true);
    expect(isVoidedCase([{ kind: "inskrivningsmeddelande", payload: {} }])).toBe(false);
  });
});
