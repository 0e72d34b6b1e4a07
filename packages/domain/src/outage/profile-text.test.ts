import { describe, expect, it } from "vitest";
import { paragraphsToText, textToParagraphs } from "./profile-text";
import { defaultRoutineProfile, SEEDED_ROUTINE_PROFILES } from "./routine-profile";

describe("a routine section as editable text", () => {
  it("writes paragraphs apart by a blank line, bullets with '- ' and numbered steps with '1. '", () => {
    expect(paragraphsToText(["Första stycket.", { bullets: ["Ett", "Två"] }, { numbered: ["Ring", "Skriv"] }, "Sista."])).toBe(
      "Första stycket.\n\n- Ett\n- Två\n\n1. Ring\n2. Skriv\n\nSista.",
    );
  });

  it("reads text back into paragraphs, lists and numbered lists", () => {
    expect(textToParagraphs("Första stycket.\n\n- Ett\n- Två\n\n1. Ring\n2. Skriv\n\nSista.")).toEqual([
      "Första stycket.",
      { bullets: ["Ett", "Två"] },
      { numbered: ["Ring", "Skriv"] },
      "Sista.",
    ]);
  });

  it("joins the lines of a paragraph, and splits a block where text turns into a list", () => {
    expect(textToParagraphs("Slutenvårdens ansvar:\n- Meddela kommunen.\n- Ring upp patienten.\nDärefter\nvårdcentralen.")).toEqual([
      "Slutenvårdens ansvar:",
      { bullets: ["Meddela kommunen.", "Ring upp patienten."] },
      "Därefter vårdcentralen.",
    ]);
  });

  it("continues a list item on an indented line, renumbers steps and accepts '* ', '• ' and '1)'", () => {
    expect(textToParagraphs("* Ett\n  fortsätter\n• Två\n\n3) Tre\n7. Fyra")).toEqual([{ bullets: ["Ett fortsätter", "Två"] }, { numbered: ["Tre", "Fyra"] }]);
    expect(paragraphsToText([{ numbered: ["Tre", "Fyra"] }])).toBe("1. Tre\n2. Fyra");
  });

  it("ignores extra blank lines, Windows line ends and empty list items; empty text is no paragraphs", () => {
    expect(textToParagraphs("\r\n\r\nEtt stycke.\r\n\r\n\r\n- \n- Punkt\n  \n")).toEqual(["Ett stycke.", { bullets: ["Punkt"] }]);
    expect(textToParagraphs("   \n\n")).toEqual([]);
    expect(textToParagraphs("")).toEqual([]);
  });

  it("does not read a dash or a number without a space as a list", () => {
    expect(textToParagraphs("-20 grader ute.\n\n2026.")).toEqual(["-20 grader ute.", "2026."]);
    expect(textToParagraphs("2026-06-26 beslutad.")).toEqual(["2026-06-26 beslutad."]);
  });

  it("round-trips every section of the seeded profiles and the default profile", () => {
    const profiles = [...SEEDED_ROUTINE_PROFILES, defaultRoutineProfile("SE2321000016-VG", "Region Test")];
    for (const p of profiles) {
      for (const s of p.sections) expect(textToParagraphs(paragraphsToText(s.paragraphs)), `${p.regionName}: ${s.heading}`).toEqual(s.paragraphs);
    }
  });
});
