import { describe, expect, it } from "vitest";
import {
  consentGiven,
  consentRecordsFromMessage,
  consentRefused,
  consentState,
  currentConsent,
  infoTransferConsentFor,
  municipalityHeldConsentRefusal,
  representativeMayDecide,
} from "./consent";
import { at, consent, event, KOMMUN, WARD } from "./test-fixtures";
import { PARTY_ROLES, type ConsentRecord } from "./types";
import { parseMessagePayload } from "./payloads";

describe("currentConsent", () => {
  it("is the latest record of the kind across units", () => {
    const held = consent("npo", true, at("2026-02-02", "09:00"), KOMMUN);
    const refused = consent("npo", false, at("2026-02-03", "09:00"), WARD);
    expect(currentConsent([refused, held], "npo")).toBe(refused);
    expect(consentGiven([refused, held], "npo")).toBe(false);
    expect(consentRefused([refused, held], "npo")).toBe(true);
  });

  it("takes the later in the list when two records have the same time", () => {
    const a = consent("sip", false, at("2026-02-02", "09:00"));
    const b = consent("sip", true, at("2026-02-02", "09:00"));
    expect(currentConsent([a, b], "sip")).toBe(b);
  });

  it("keeps the patient's refusal when the kommun later says it already holds the consent", () => {
    const refused = consent("informationsoverforing_kommun", false, at("2026-02-02", "09:00"), WARD);
    const held = consent("informationsoverforing_kommun", true, at("2026-02-03", "09:00"), KOMMUN);
    expect(currentConsent([refused, held], "informationsoverforing_kommun")).toBe(refused);
    expect(consentRefused([refused, held], "informationsoverforing_kommun")).toBe(true);
    // A new decision from the patient replaces the refusal.
    const givenLater = consent("informationsoverforing_kommun", true, at("2026-02-04", "09:00"), WARD);
    expect(consentGiven([refused, held, givenLater], "informationsoverforing_kommun")).toBe(true);
  });

  it("tells 'never documented' from 'refused'", () => {
    expect(currentConsent([], "sip")).toBeNull();
    expect(consentGiven([], "sip")).toBe(false);
    expect(consentRefused([], "sip")).toBe(false);
  });
});

describe("infoTransferConsentFor", () => {
  it("maps every party role to the consent it needs", () => {
    expect(Object.fromEntries(PARTY_ROLES.map((r) => [r, infoTransferConsentFor(r)]))).toEqual({
      avdelning: null,
      kommun: "informationsoverforing_kommun",
      hemsjukvard: "informationsoverforing_kommun",
      hemtjanst: "informationsoverforing_kommun",
      vardcentral: "informationsoverforing_vardcentral",
      psykiatrisk_oppenvard: "informationsoverforing_vardcentral",
    });
  });
});

describe("consentRecordsFromMessage", () => {
  it("records the ward's entries with their source, and nothing for other kinds", () => {
    const phone = event("samtycke", at("2026-02-02", "11:00"), WARD, [], {
      consents: [
        { kind: "npo", given: false },
        { kind: "sip", given: true },
      ],
      source: "telefon",
    });
    expect(consentRecordsFromMessage(phone).map((r) => [r.kind, r.given, r.source])).toEqual([
      ["npo", false, "telefon"],
      ["sip", true, "telefon"],
    ]);
    expect(consentRecordsFromMessage(event("generellt", at("2026-02-02"), WARD, [KOMMUN]))).toEqual([]);
  });
});

describe("municipalityHeldConsentRefusal", () => {
  const refusedKommun = consent("informationsoverforing_kommun", false, at("2026-02-02", "09:00"), WARD);

  it("lets the kommun state the consents it holds itself", () => {
    expect(municipalityHeldConsentRefusal([], true, ["informationsoverforing_kommun", "sip"])).toBeNull();
    expect(municipalityHeldConsentRefusal([refusedKommun], true, [])).toBeNull();
  });

  it("refuses consents that are not the kommun's to hold", () => {
    expect(municipalityHeldConsentRefusal([], true, ["npo"])).toMatch(/^Kommunen kan bara ange samtycken som kommunen själv har .*läsning i npö/);
    expect(municipalityHeldConsentRefusal([], true, ["informationsoverforing_vardcentral", "sip"])).toMatch(
      /vårdcentralen\/öppenvården dokumenteras av avdelningen/,
    );
  });

  it("refuses to replace the patient's recorded refusal", () => {
    expect(municipalityHeldConsentRefusal([refusedKommun], true, ["informationsoverforing_kommun"])).toMatch(
      /^Patienten har sagt nej till informationsöverföring till kommunen\. .*Inget har sparats\.$/,
    );
  });

  it("lets only the kommun side state held consents", () => {
    expect(municipalityHeldConsentRefusal([], false, ["sip"])).toBe("Bara kommunen kan ange samtycken som redan finns hos kommunen.");
  });
});

describe("kan inte ta ställning and representatives", () => {
  const unable = (kind: ConsentRecord["kind"], when = at("2026-02-03", "09:00")): ConsentRecord => ({ ...consent(kind, false, when), unable: true });
  const byGodMan = (kind: ConsentRecord["kind"], given: boolean, when = at("2026-02-04", "09:00")): ConsentRecord => ({
    ...consent(kind, given, when),
    representative: { kind: "god_man", name: "Anna Ek" },
  });

  it("is its own state: neither given nor refused", () => {
    const records = [unable("informationsoverforing_kommun")];
    expect(consentState(records, "informationsoverforing_kommun")).toBe("unable");
    expect(consentGiven(records, "informationsoverforing_kommun")).toBe(false);
    expect(consentRefused(records, "informationsoverforing_kommun")).toBe(false);
    expect(consentState([], "npo")).toBe("none");
  });

  it("does not lift the patient's earlier refusal", () => {
    const refused = consent("sip", false, at("2026-02-02", "09:00"));
    expect(consentState([refused, unable("sip")], "sip")).toBe("refused");
  });

  it("lets a representative's consent count as a decision, which replaces 'kan inte ta ställning'", () => {
    expect(consentState([unable("informationsoverforing_kommun"), byGodMan("informationsoverforing_kommun", true)], "informationsoverforing_kommun")).toBe(
      "given",
    );
    expect(currentConsent([byGodMan("sip", false)], "sip")?.representative).toEqual({ kind: "god_man", name: "Anna Ek" });
  });

  it("lets a kommun's consent already held stand after 'kan inte ta ställning' (it is not the patient's no)", () => {
    const held = { ...consent("informationsoverforing_kommun", true, at("2026-02-04", "09:00"), KOMMUN), source: "befintligt" as const };
    expect(consentState([unable("informationsoverforing_kommun"), held], "informationsoverforing_kommun")).toBe("given");
    expect(municipalityHeldConsentRefusal([unable("informationsoverforing_kommun")], true, ["informationsoverforing_kommun"])).toBeNull();
  });

  it("never lets a representative decide on reading in NPÖ", () => {
    expect(representativeMayDecide("npo")).toBe(false);
    expect(representativeMayDecide("informationsoverforing_kommun")).toBe(true);
    expect(representativeMayDecide("sip")).toBe(true);
  });

  it("records 'kan inte ta ställning' without the representative, and the representative on the decisions", () => {
    const msg = event("samtycke", at("2026-02-02", "11:00"), WARD, [], {
      consents: [
        { kind: "npo", given: false, unable: true },
        { kind: "informationsoverforing_kommun", given: true },
      ],
      representative: { kind: "forvaltare", name: "Bo Ek" },
      documentedNote: "Förordnandet omfattar att sörja för person",
    });
    expect(consentRecordsFromMessage(msg).map((r) => [r.kind, r.given, r.unable ?? false, r.representative?.kind ?? null, r.note])).toEqual([
      ["npo", false, true, null, "Förordnandet omfattar att sörja för person"],
      ["informationsoverforing_kommun", true, false, "forvaltare", "Förordnandet omfattar att sörja för person"],
    ]);
  });
});

describe("the consent form's payload", () => {
  const parse = (payload: unknown) => parseMessagePayload("samtycke", payload, { senderRole: "avdelning", admittedAt: at("2026-02-02", "10:00") });

  it("accepts 'kan inte ta ställning' and a representative's decision", () => {
    const res = parse({
      consents: [
        { kind: "informationsoverforing_kommun", given: true },
        { kind: "npo", given: false, unable: true },
      ],
      representative: { kind: "narstaende", name: "Cecilia Ek" },
    });
    expect(res.ok).toBe(true);
  });

  it("refuses a representative's answer on NPÖ, and 'given' together with 'kan inte ta ställning', in Swedish", () => {
    const npo = parse({ consents: [{ kind: "npo", given: true }], representative: { kind: "god_man", name: "Anna Ek" } });
    expect(npo.ok ? [] : npo.errors.map((e) => e.message)).toEqual([
      "Läsning i NPÖ kräver patientens eget samtycke och kan inte lämnas av en företrädare. Välj Kan inte ta ställning om patienten inte kan svara",
    ]);
    const both = parse({ consents: [{ kind: "sip", given: true, unable: true }] });
    expect(both.ok).toBe(false);
    const nameless = parse({ consents: [{ kind: "sip", given: true }], representative: { kind: "god_man", name: "" } });
    expect(nameless.ok ? [] : nameless.errors.map((e) => e.path)).toEqual(["representative.name"]);
  });
});
