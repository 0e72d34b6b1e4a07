import { describe, expect, it } from "vitest";
import { draftKey, formatOpenForm, parseOpenForm } from "./draft";

const CASE = "00000000-0000-4000-8000-00000000c0de";
const MSG = "00000000-0000-4000-8000-000000000042";

describe("drafts of a correction", () => {
  it("are kept apart from a new message's draft of the same kind, and per corrected message", () => {
    const fresh = draftKey(CASE, "inskrivningsmeddelande");
    const correction = draftKey(CASE, "inskrivningsmeddelande", MSG);
    expect(fresh).toBe(`vk-utkast:${CASE}:inskrivningsmeddelande`);
    expect(correction).not.toBe(fresh);
    expect(correction).not.toBe(draftKey(CASE, "inskrivningsmeddelande", "00000000-0000-4000-8000-000000000043"));
  });
});

describe("the open form, kept over a reload", () => {
  it("reads back what it wrote, for a new message and for a correction", () => {
    for (const form of [
      { kind: "utskrivningsklar" as const, corrects: null },
      { kind: "utskrivningsklar" as const, corrects: MSG },
    ]) {
      expect(parseOpenForm(formatOpenForm(form))).toEqual(form);
    }
  });

  it("reads the plain kind stored before corrections existed, and refuses an unknown kind", () => {
    expect(parseOpenForm("samtycke")).toEqual({ kind: "samtycke", corrects: null });
    expect(parseOpenForm("okand")).toBeNull();
    expect(parseOpenForm("")).toBeNull();
  });
});
