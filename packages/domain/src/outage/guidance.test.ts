import { describe, expect, it } from "vitest";
import type { CaseFacts } from "../case/types";
import { dueSteps } from "../case/due";
import { callGuidance, contactsFor, type GuidanceParty } from "./guidance";
import { SORMLAND_ROUTINE_PROFILE as SRM } from "./profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE as VNL } from "./profiles/vasternorrland";
import { at, BIST, call, ev, HOSPITAL, HTJ, KOMMUN_ORG, REGION, VC, WARD_A } from "./test-fixtures";
import type { ContactEntry } from "./types";

const PARTIES: GuidanceParty[] = [
  { unitId: WARD_A, role: "avdelning", organisationId: REGION, ancestorUnitIds: [HOSPITAL], unitName: "Avd 12 Medicin" },
  { unitId: BIST, role: "kommun", organisationId: KOMMUN_ORG, unitName: "Biståndsenheten Eskilstuna" },
  { unitId: VC, role: "vardcentral", organisationId: REGION, unitName: "Vårdcentralen Fröslunda" },
  { unitId: HTJ, role: "hemtjanst", organisationId: KOMMUN_ORG, unitName: "Hemtjänst Centrum" },
];
const entry = (p: Partial<ContactEntry> & Pick<ContactEntry, "organisationId" | "function">): ContactEntry => ({
  unitId: null,
  phones: ["016-10 00 00"],
  openingHours: null,
  mailbox: null,
  postalAddress: null,
  ...p,
});
const CONTACTS: ContactEntry[] = [
  entry({ organisationId: KOMMUN_ORG, function: "Biståndshandläggare via växeln", phones: ["016-710 10 00"], openingHours: "dygnet runt" }),
  entry({ organisationId: KOMMUN_ORG, unitId: BIST, function: "Biståndshandläggare", phones: ["016-710 20 00"], openingHours: "vardagar 08.00–16.30" }),
  entry({ organisationId: REGION, unitId: HOSPITAL, function: "Utskrivningsledare", phones: ["016-10 57 11"], openingHours: "vardagar 07.30–16.15" }),
  entry({ organisationId: REGION, unitId: WARD_A, function: "Avdelningen", phones: ["016-10 31 12"], openingHours: "dygnet runt" }),
  entry({ organisationId: REGION, function: "Växel", phones: ["016-10 30 00"], openingHours: "dygnet runt" }),
  entry({ organisationId: REGION, unitId: VC, function: "Vårdcentralen", phones: ["016-10 95 01"], openingHours: "mån–fre 8–17" }),
];

const ADMITTED = at("2026-03-02", "09:00");
const facts = (events: CaseFacts["events"] = []): CaseFacts => ({
  admittedAt: ADMITTED,
  careType: "somatisk",
  lpt: false,
  lrv: false,
  parties: PARTIES.map((p) => ({ unitId: p.unitId, role: p.role })),
  events,
  consents: [
    { kind: "informationsoverforing_kommun", given: true, documentedAt: ADMITTED, documentedByUnitId: WARD_A, source: "patient" },
    { kind: "npo", given: false, documentedAt: ADMITTED, documentedByUnitId: WARD_A, source: "patient" },
  ],
});
const PATIENT = { name: "Tolvan Tolvansson", identifier: "19121212-1212", address: "Storgatan 1, 632 20 Eskilstuna" };
const NOW = at("2026-03-02", "10:00"); // Monday

describe("whom to call", () => {
  it("the admission: kommun and vårdcentral (not hemtjänst, not the ward itself), own entries before the organisation's, open now", () => {
    const f = facts();
    const [step, ...rest] = callGuidance({
      steps: dueSteps(f, "avdelning", NOW),
      parties: PARTIES,
      contacts: CONTACTS,
      ownUnitId: WARD_A,
      now: NOW,
      patient: PATIENT,
      facts: f,
    });
    expect(rest.map((s) => s.step)).toEqual([]); // dokumentera_samtycke is not due: consent is documented
    expect(step?.step).toBe("skicka_inskrivningsmeddelande");
    expect(step?.label).toBe("Skicka inskrivningsmeddelande");
    expect(step?.dueAt).toEqual(new Date(ADMITTED.getTime() + 24 * 3_600_000));
    expect(step?.targets.map((t) => t.label)).toEqual(["Kommun – Biståndsenheten Eskilstuna", "Vårdcentral – Vårdcentralen Fröslunda"]);
    const kommun = step?.targets[0];
    expect(kommun?.contacts.map((c) => [c.entry.function, c.source, c.status])).toEqual([
      ["Biståndshandläggare", "enhet", "open"],
      ["Biståndshandläggare via växeln", "organisation", "open"],
    ]);
    expect(kommun?.contacts[0]?.statusLabel).toBe("Öppet nu");
    expect(step?.logSteps).toEqual(["inskrivning", "beraknat_utskrivningsdatum", "samtycke"]);
  });

  it("what to say for the admission: who, where, when, the estimated date, the consents", () => {
    const f = facts();
    const [step] = callGuidance({
      steps: ["skicka_inskrivningsmeddelande"],
      parties: PARTIES,
      contacts: CONTACTS,
      ownUnitId: WARD_A,
      now: NOW,
      patient: PATIENT,
      facts: f,
    });
    expect(step?.say).toEqual([
      "Patient: Tolvan Tolvansson, 19121212-1212",
      "Inskriven: 2026-03-02 09:00",
      "Folkbokföringsadress: Storgatan 1, 632 20 Eskilstuna",
      "Beräknat utskrivningsdatum: bestäm det innan du ringer",
      "Samtycke, informationsöverföring till kommunen: ja",
      "Samtycke, informationsöverföring till vårdcentralen/öppenvården: inte dokumenterat",
      "Samtycke, läsning i NPÖ (sammanhållen journalföring): nej",
      "Fråga efter aktuella insatser, fast vårdkontakt och vilka samtycken som redan finns hos mottagaren",
      "Notera namnet på den du talar med och logga samtalet",
    ]);
  });

  it("the discharge: everyone incl. hemtjänst, the medication list, and Västernorrland's confirmation", () => {
    const f = facts([
      ev("inskrivningsmeddelande", at("2026-03-02", "11:00"), WARD_A, [BIST, VC], { estimatedDischargeDate: "2026-03-06" }),
      ev("utskrivningsklar", at("2026-03-05", "10:00"), WARD_A, [BIST, VC], { decidedAt: "2026-03-05T09:30:00+01:00", decidedBy: "Dr Ek" }),
      ev("utskrivningsdatum", at("2026-03-05", "12:00"), WARD_A, [BIST, VC], { dischargeAt: "2026-03-06T10:00:00+01:00" }),
    ]);
    const now = at("2026-03-06", "08:00");
    const steps = callGuidance({
      steps: dueSteps(f, "avdelning", now),
      parties: PARTIES,
      contacts: CONTACTS,
      ownUnitId: WARD_A,
      now,
      facts: f,
      profile: VNL,
      system: "samordning",
    });
    const discharge = steps.find((s) => s.step === "skicka_utskrivningsmeddelande");
    expect(discharge?.targets.map((t) => t.role)).toEqual(["kommun", "vardcentral", "hemtjanst"]);
    expect(discharge?.say).toContain("Tid för hemgång: 2026-03-06 10:00");
    expect(discharge?.say).toContain("Aktuell läkemedelslista; den skickas med patienten i förslutet kuvert");
    expect(discharge?.say).toContain("Be mottagaren bekräfta att informationen tagits emot: utskrivningen väntar tills dess");
    expect(discharge?.routineNotes.join(" ")).toContain("Utskrivningen får inte ske förrän mottagande enhet har bekräftat");
    const srm = callGuidance({
      steps: ["skicka_utskrivningsmeddelande"],
      parties: PARTIES,
      contacts: CONTACTS,
      ownUnitId: WARD_A,
      now,
      facts: f,
      profile: SRM,
      system: "journalsystem",
    });
    expect(srm[0]?.say.join(" ")).not.toContain("bekräfta");
    expect(srm[0]?.routineNotes).toEqual(["Utskrivningsplanen och aktuell läkemedelslista skickas med patienten i förslutet kuvert."]);
  });

  it("the kommun's answer goes to the ward: the ward's own line, then the hospital's utskrivningsledare, then the switchboard", () => {
    const [step] = callGuidance({ steps: ["svara_pa_inskrivning"], parties: PARTIES, contacts: CONTACTS, ownUnitId: BIST, now: at("2026-03-02", "17:00") });
    expect(step?.targets).toHaveLength(1);
    expect(step?.targets[0]?.contacts.map((c) => [c.entry.function, c.source, c.status])).toEqual([
      ["Avdelningen", "enhet", "open"],
      ["Utskrivningsledare", "overordnad", "closed"],
      ["Växel", "organisation", "open"],
    ]);
  });

  it("marks the parties already reached by a logged call about the step, in either direction", () => {
    const log = [
      call({ occurredAt: at("2026-03-02", "09:30"), steps: ["inskrivning"] }),
      call({ occurredAt: at("2026-03-02", "09:40"), unitId: VC, counterpartUnitId: WARD_A, steps: ["planeringsunderlag"] }),
    ];
    const [step] = callGuidance({ steps: ["skicka_inskrivningsmeddelande"], parties: PARTIES, contacts: CONTACTS, ownUnitId: WARD_A, now: NOW, phoneLog: log });
    expect(step?.targets.map((t) => [t.role, t.reached])).toEqual([
      ["kommun", true],
      ["vardcentral", false],
    ]);
  });

  it("steps without a call (kvittera, avsluta) are left out; extra process steps can be asked for", () => {
    const steps = callGuidance({
      steps: ["kvittera", "avsluta_arende", "meddela_utskrivningsklar", "meddela_utskrivningsklar"],
      parties: PARTIES,
      contacts: CONTACTS,
      ownUnitId: WARD_A,
      now: NOW,
    });
    expect(steps.map((s) => s.step)).toEqual(["meddela_utskrivningsklar"]);
    expect(steps[0]?.say[0]).toBe("Patient: namn och personnummer");
  });

  it("contactsFor: a unit without entries falls back to its organisation; unknown hours stay unknown", () => {
    const options = contactsFor({ unitId: "x", organisationId: REGION }, CONTACTS, at("2026-04-06", "10:00"));
    expect(options.map((o) => o.entry.function)).toEqual(["Växel"]);
    const vc = contactsFor({ unitId: VC, organisationId: REGION }, CONTACTS, at("2026-04-06", "10:00"));
    expect(vc[0]?.status).toBe("unknown"); // "mån–fre" on annandag påsk
  });
});
