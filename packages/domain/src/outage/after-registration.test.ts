import { describe, expect, it } from "vitest";
import { computeAfterRegistration, type AfterRegistrationInput, type AfterRegistrationItem } from "./after-registration";
import { afterRegistrationCandidates, earliestPeriodStart } from "./after-registration-candidates";
import { SORMLAND_ROUTINE_PROFILE } from "./profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE } from "./profiles/vasternorrland";
import { ALL_CONSENTS, consent } from "../case/test-fixtures";
import { arCase, at, BIST, call, DAY_END, DAY_OUTAGE, DAY_START, ev, FAR_WARD, HTJ, outage, UNITS, VC, WARD_A, WARD_B } from "./test-fixtures";

const compute = (p: Partial<AfterRegistrationInput>): AfterRegistrationItem[] => {
  const items = computeAfterRegistration({
    outage: DAY_OUTAGE,
    units: UNITS,
    cases: [],
    phoneLog: [],
    unacknowledged: [],
    profile: SORMLAND_ROUTINE_PROFILE,
    ...p,
  });
  // Ready notices are never after-registered; planning bases only where the routine says so.
  const never =
    (p.profile ?? SORMLAND_ROUTINE_PROFILE).registerAfter.planningBasis === false ? ["utskrivningsklar", "planeringsunderlag"] : ["utskrivningsklar"];
  for (const item of items) expect(never).not.toContain(item.messageKind);
  // The service loads in full only the cases that can give an item: leaving the others out changes nothing.
  const outageWindow = p.outage ?? DAY_OUTAGE;
  const activity = (p.cases ?? []).map((c) => ({
    ...c,
    provisional: c.provisional ?? false,
    lastEventAt: c.events.length ? new Date(Math.max(...c.events.map((e) => e.occurredAt.getTime()))) : null,
  }));
  const kept = afterRegistrationCandidates(activity, earliestPeriodStart(outageWindow, p.otherOutages ?? []), p.phoneLog ?? []);
  const keptIds = new Set(kept.map((c) => c.id));
  expect(
    computeAfterRegistration({
      outage: DAY_OUTAGE,
      units: UNITS,
      phoneLog: [],
      unacknowledged: [],
      profile: SORMLAND_ROUTINE_PROFILE,
      ...p,
      cases: (p.cases ?? []).filter((c) => keptIds.has(c.id)),
    }),
  ).toEqual(items);
  return items;
};
const kinds = (items: AfterRegistrationItem[]): string[] => items.map((i) => `${i.kind}@${i.caseId ?? i.messageId}`);

describe("admitted during the outage", () => {
  it("still in hospital: registers the admission at the time it was phoned, prefilled, once for calls logged by both sides", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "09:00") });
    const given = call({
      caseId: "case-1",
      occurredAt: at("2026-03-02", "09:40"),
      steps: ["inskrivning", "beraknat_utskrivningsdatum", "samtycke"],
      details: {
        estimatedDischargeDate: "2026-03-06",
        consents: [
          { kind: "informationsoverforing_kommun", given: true },
          { kind: "npo", given: true },
        ],
      },
    });
    const received = call({
      caseId: "case-1",
      unitId: BIST,
      counterpartUnitId: WARD_A,
      direction: "mottaget",
      receiverConfirmed: true,
      occurredAt: at("2026-03-02", "09:41"),
      steps: ["inskrivning"],
    });
    const items = compute({ cases: [c], phoneLog: [received, given] });
    expect(kinds(items)).toEqual(["register_admission@case-1"]);
    const [item] = items;
    expect(item).toMatchObject({
      key: "register_admission:case-1",
      unitId: WARD_A,
      patientId: "patient-1",
      messageKind: "inskrivningsmeddelande",
      prefill: { estimatedDischargeDate: "2026-03-06" },
      consents: [
        { kind: "informationsoverforing_kommun", given: true },
        { kind: "npo", given: true },
      ],
      sourcePhoneContactIds: [given.id, received.id],
    });
    expect(item?.eventAt).toEqual(at("2026-03-02", "09:40"));
    expect(item?.freeText).toContain("Beräknat utskrivningsdatum 2026-03-06");
  });

  it("nothing phoned: the admission is registered with the outage's end time, and says so", () => {
    const items = compute({ cases: [arCase({ id: "case-1", admittedAt: at("2026-03-02", "10:00") })] });
    expect(kinds(items)).toEqual(["register_admission@case-1"]);
    expect(items[0]?.eventAt).toEqual(DAY_END);
    expect(items[0]?.notes.join(" ")).toContain("meddelades inte per telefon");
    expect(items[0]?.notes.join(" ")).toContain("Beräknat utskrivningsdatum");
  });

  it("admitted and discharged within the outage: nothing at all, not even a SIP agreed by phone", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "08:30") });
    const log = [
      call({ caseId: "case-1", occurredAt: at("2026-03-02", "09:00"), steps: ["inskrivning"] }),
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "14:00"),
        steps: ["faktiskt_utskrivningsdatum", "utskrivningsmeddelande"],
        details: { dischargeAt: at("2026-03-02", "15:00").toISOString() },
      }),
      call({
        caseId: "case-1",
        unitId: VC,
        occurredAt: at("2026-03-02", "14:30"),
        steps: ["sip_datum"],
        details: { sipAt: at("2026-03-09", "13:00").toISOString() },
      }),
    ];
    expect(compute({ cases: [c], phoneLog: log })).toEqual([]);
  });

  it("a call about an admission just before the case's admission time gives the admission time", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "10:00") });
    const log = [call({ caseId: "case-1", occurredAt: at("2026-03-02", "09:55"), steps: ["inskrivning"] })];
    expect(compute({ cases: [c], phoneLog: log })[0]?.eventAt).toEqual(at("2026-03-02", "10:00"));
  });
});

describe("admitted before the outage", () => {
  const notice = ev("inskrivningsmeddelande", at("2026-02-27", "14:00"), WARD_A, [BIST, VC], { estimatedDischargeDate: "2026-03-02" });

  it("discharged during: registers the discharge at the phoned discharge time, not the time of typing, and the summary too", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice] });
    const discharge = call({
      caseId: "case-1",
      occurredAt: at("2026-03-02", "11:00"),
      steps: ["faktiskt_utskrivningsdatum", "utskrivningsmeddelande"],
      receiverConfirmed: true,
      details: { dischargeAt: at("2026-03-02", "13:15").toISOString() },
    });
    const items = compute({ cases: [c], phoneLog: [discharge] });
    // Region Sörmland, Reservrutin Link: a case that existed gets the summary in addition.
    expect(kinds(items)).toEqual(["register_discharge@case-1", "summary_message@case-1"]);
    expect(items[0]).toMatchObject({
      key: "register_discharge:case-1",
      messageKind: "utskrivningsmeddelande",
      prefill: { dischargedAt: at("2026-03-02", "13:15").toISOString() },
      sourcePhoneContactIds: [discharge.id],
    });
    expect(items[0]?.eventAt).toEqual(at("2026-03-02", "13:15"));
  });

  it("discharged during with only the notice phoned: the call's time stands in, with a note", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice] });
    const log = [call({ caseId: "case-1", occurredAt: at("2026-03-02", "12:00"), steps: ["utskrivningsmeddelande"] })];
    const items = compute({ cases: [c], phoneLog: log });
    expect(items[0]?.eventAt).toEqual(at("2026-03-02", "12:00"));
    expect(items[0]?.notes.join(" ")).toContain("kontrollera");
  });

  it("discharged during without an admission notice in the system: the admission is registered first", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-01", "22:00"), dischargedAt: at("2026-03-02", "15:00") });
    const items = compute({ cases: [c] });
    expect(kinds(items)).toEqual(["register_admission@case-1", "register_discharge@case-1"]);
    // Not phoned: the notice takes the discharge's time (not after it), the discharge its own.
    expect(items.map((i) => i.eventAt)).toEqual([at("2026-03-02", "15:00"), at("2026-03-02", "15:00")]);
  });

  it("still in hospital with calls: ONE summary per unit, drafted from its calls, never a ready notice or planning basis", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice], consents: ALL_CONSENTS });
    const log = [
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "09:00"),
        steps: ["beraknat_utskrivningsdatum"],
        details: { estimatedDischargeDate: "2026-03-05" },
      }),
      call({ caseId: "case-1", occurredAt: at("2026-03-02", "10:30"), steps: ["planeringsunderlag"], comment: "Hemtjänst 3 ggr/dag ansökt" }),
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "11:00"),
        steps: ["utskrivningsklar"],
        details: { readyDecidedAt: at("2026-03-02", "10:50").toISOString() },
      }),
      call({
        caseId: "case-1",
        unitId: BIST,
        counterpartUnitId: WARD_A,
        counterpartName: "Sanna Sjöberg",
        direction: "mottaget",
        occurredAt: at("2026-03-02", "10:31"),
        steps: ["planeringsunderlag"],
      }),
    ];
    const items = compute({ cases: [c], phoneLog: log });
    expect(kinds(items)).toEqual(["summary_message@case-1", "summary_message@case-1"]);
    const ward = items.find((i) => i.unitId === WARD_A);
    expect(ward).toMatchObject({
      title: "Sammanfattning av samordning under driftstörning",
      messageKind: "generellt",
      key: `summary_message:case-1:${WARD_A}:${DAY_START.toISOString()}`,
    });
    expect(ward?.eventAt).toEqual(DAY_END);
    expect(ward?.sourcePhoneContactIds).toHaveLength(3);
    const text = String(ward?.prefill?.text);
    expect(ward?.prefill?.subject).toBe("Sammanfattning av samordning under driftstörning");
    expect(text).toContain("2026-03-02 08:00–2026-03-02 16:00");
    expect(text).toContain("2026-03-02 09:00, lämnat till Anna Berg (Biståndsenheten Eskilstuna): Beräknat utskrivningsdatum 2026-03-05.");
    expect(text).toContain("Kommentar: Hemtjänst 3 ggr/dag ansökt");
    expect(text).toContain("Utskrivningsklar (beslut 2026-03-02 10:50)");
    expect(text.indexOf("09:00")).toBeLessThan(text.indexOf("10:30"));
    expect(items.find((i) => i.unitId === BIST)?.prefill?.text).toContain("mottaget från Sanna Sjöberg (Avd 12 Medicin)");
  });

  it("drafts the summary per recipient: a kommun without consent reads that calls happened, hemtjänst only its own calls", () => {
    const parties = [
      { unitId: WARD_A, role: "avdelning" as const },
      { unitId: BIST, role: "kommun" as const },
      { unitId: VC, role: "vardcentral" as const },
      { unitId: HTJ, role: "hemtjanst" as const },
    ];
    const consents = [...ALL_CONSENTS, consent("informationsoverforing_kommun", false, at("2026-02-28", "09:00"))];
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice], parties, consents });
    const log = [
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "09:00"),
        steps: ["beraknat_utskrivningsdatum"],
        details: { estimatedDischargeDate: "2026-03-05" },
        comment: "Oro för fallrisk hemma",
      }),
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "10:30"),
        counterpartUnitId: VC,
        counterpartName: "Eva Ek",
        steps: ["planeringsunderlag"],
        comment: "Diabetes, insulin morgon och kväll",
      }),
    ];
    const [summary] = compute({ cases: [c], phoneLog: log });
    const groups = summary?.recipientGroups ?? [];
    // The vårdcentral (consent given) reads everything; the kommun (refused) a version without what
    // was said; hemtjänst took part in no call and gets no summary.
    expect(groups.map((g) => [g.recipientUnitIds, g.restricted])).toEqual([
      [[VC], false],
      [[BIST], true],
    ]);
    expect(groups[0]?.text).toContain("Diabetes, insulin");
    expect(groups[0]?.text).toContain("Oro för fallrisk");
    expect(groups[1]?.text).toContain("2026-03-02 09:00, lämnat till Anna Berg (Biståndsenheten Eskilstuna): Beräknat utskrivningsdatum 2026-03-05.");
    expect(groups[1]?.text).toContain("2026-03-02 10:30, lämnat till Eva Ek (Vårdcentralen Fröslunda)");
    expect(groups[1]?.text).not.toMatch(/Oro för fallrisk|Diabetes|Planeringsunderlag/);
    expect(groups[1]?.recipientNames).toEqual(["Biståndsenheten Eskilstuna"]);
    expect(summary?.prefill?.text).toBe(groups[0]?.text);
  });

  it("a new estimated date or consent phoned after the notice goes in the summary", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice] });
    const log = [
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-02", "09:00"),
        steps: ["beraknat_utskrivningsdatum"],
        details: { estimatedDischargeDate: "2026-03-09" },
      }),
    ];
    const items = compute({ cases: [c], phoneLog: log });
    expect(kinds(items)).toEqual(["summary_message@case-1"]);
    expect(String(items[0]?.prefill?.text)).toContain("Beräknat utskrivningsdatum 2026-03-09");
  });

  it("a summary in addition to the formal registration; none when the case had no calls, or when the summary was sent", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice] });
    const discharge = call({
      caseId: "case-1",
      occurredAt: at("2026-03-02", "12:00"),
      steps: ["utskrivningsmeddelande"],
      details: { dischargeAt: at("2026-03-02", "12:00").toISOString() },
    });
    expect(kinds(compute({ cases: [c], phoneLog: [discharge] }))).toEqual(["register_discharge@case-1", "summary_message@case-1"]);
    expect(compute({ cases: [c] })).toEqual([]);
    const planning = call({ caseId: "case-1", occurredAt: at("2026-03-02", "10:00"), steps: ["planeringsunderlag"] });
    const sent = ev("generellt", at("2026-03-02", "16:20"), WARD_A, [BIST], { subject: "Sammanfattning av samordning under driftstörning", text: "…" });
    expect(compute({ cases: [{ ...c, events: [notice, sent] }], phoneLog: [planning] })).toEqual([]);
  });
});

describe("SIP agreed by phone", () => {
  const c = arCase({
    id: "case-1",
    admittedAt: at("2026-02-20", "10:00"),
    events: [ev("inskrivningsmeddelande", at("2026-02-20", "12:00"), WARD_A, [BIST, VC])],
  });
  const sipAt = at("2026-03-09", "13:00").toISOString();
  const byVc = call({ caseId: "case-1", unitId: VC, counterpartUnitId: BIST, occurredAt: at("2026-03-02", "10:00"), steps: ["sip_datum"], details: { sipAt } });
  const byKommun = call({
    caseId: "case-1",
    unitId: BIST,
    counterpartUnitId: VC,
    counterpartName: "Eva Ek",
    direction: "mottaget",
    occurredAt: at("2026-03-02", "10:02"),
    steps: ["sip_datum"],
    details: { sipAt },
  });

  it("one formal kallelse per meeting, by the unit that called, at the time of the call", () => {
    const items = compute({ cases: [c], phoneLog: [byKommun, byVc] }).filter((i) => i.kind !== "summary_message");
    expect(kinds(items)).toEqual(["formal_sip_call@case-1"]);
    expect(items[0]).toMatchObject({
      unitId: VC,
      messageKind: "kallelse_sip",
      prefill: { meetingAt: sipAt, video: false, consentStatus: "unknown" },
      sourcePhoneContactIds: [byVc.id, byKommun.id],
    });
    expect(items[0]?.eventAt).toEqual(at("2026-03-02", "10:00"));
    expect(items[0]?.title).toContain("2026-03-09 13:00");
  });

  it("Västernorrland: primary care sends the kallelse, whoever logged the call", () => {
    const byWard = call({
      caseId: "case-1",
      unitId: WARD_A,
      counterpartUnitId: BIST,
      occurredAt: at("2026-03-02", "10:00"),
      steps: ["sip_datum"],
      details: { sipAt },
    });
    const sormland = compute({ cases: [c], phoneLog: [byWard] }).filter((i) => i.kind === "formal_sip_call");
    expect(sormland.map((i) => i.unitId)).toEqual([WARD_A]);
    const vnl = compute({ cases: [c], phoneLog: [byWard], profile: VASTERNORRLAND_ROUTINE_PROFILE }).filter((i) => i.kind === "formal_sip_call");
    expect(vnl.map((i) => i.unitId)).toEqual([VC]);
  });

  it("a kallelse for that time already in the case, whenever sent, makes it a possible duplicate of that kallelse", () => {
    const sent = ev("kallelse_sip", at("2026-02-25", "17:00"), VC, [BIST, WARD_A], { meetingAt: sipAt });
    const items = compute({ cases: [{ ...c, events: [...c.events, sent] }], phoneLog: [byVc] }).filter((i) => i.kind === "formal_sip_call");
    expect(items).toHaveLength(1);
    expect(items[0]?.possibleDuplicate).toMatchObject({ messageId: sent.id, kind: "kallelse_sip", senderUnitId: VC });
  });

  it("a patient without a case still gets the kallelse item, flagged", () => {
    const orphan = call({ caseId: null, patientId: "patient-9", unitId: VC, occurredAt: at("2026-03-02", "10:00"), steps: ["sip_datum"], details: { sipAt } });
    const items = compute({ phoneLog: [orphan] });
    expect(items[0]).toMatchObject({ kind: "formal_sip_call", caseId: null, patientId: "patient-9", key: `formal_sip_call:patient:patient-9:${sipAt}` });
  });
});

describe("messages to acknowledge", () => {
  it("lists what arrived during or after the outage at an affected unit, not before, not elsewhere", () => {
    const unacknowledged = [
      { messageId: "m-before", unitId: BIST, caseId: "case-1", patientId: "p", occurredAt: at("2026-03-02", "07:59") },
      { messageId: "m-during", unitId: BIST, caseId: "case-1", patientId: "p", occurredAt: at("2026-03-02", "09:00"), kind: "inskrivningsmeddelande" as const },
      { messageId: "m-after", unitId: VC, caseId: null, patientId: "p", occurredAt: at("2026-03-03", "09:00") },
      { messageId: "m-far", unitId: FAR_WARD, caseId: null, patientId: "p", occurredAt: at("2026-03-02", "09:00") },
    ];
    const items = compute({ unacknowledged });
    expect(items.map((i) => i.key)).toEqual([`acknowledge:m-during:${BIST}`, `acknowledge:m-after:${VC}`]);
    expect(items[0]).toMatchObject({ title: "Kvittera inskrivningsmeddelande", messageId: "m-during", eventAt: at("2026-03-02", "09:00") });
  });
});

describe("possible duplicates: phoned and registered electronically", () => {
  const admissionCall = () =>
    call({
      caseId: "case-1",
      occurredAt: at("2026-03-02", "09:00"),
      steps: ["inskrivning", "beraknat_utskrivningsdatum"],
      details: { estimatedDischargeDate: "2026-03-06" },
    });

  it("sent just before the outage: the phoned admission is listed, flagged with the notice already in the case", () => {
    const notice = ev("inskrivningsmeddelande", at("2026-03-02", "07:10"), WARD_A, [BIST, VC], { estimatedDischargeDate: "2026-03-05" });
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "06:00"), events: [notice] });
    const call1 = admissionCall();
    const items = compute({ cases: [c], phoneLog: [call1] });
    expect(kinds(items)).toEqual(["register_admission@case-1", "summary_message@case-1"]);
    const [item] = items;
    expect(item?.possibleDuplicate).toEqual({
      messageId: notice.id,
      kind: "inskrivningsmeddelande",
      sentAt: at("2026-03-02", "07:10"),
      senderUnitId: WARD_A,
      senderUnitName: "Avd 12 Medicin",
    });
    expect(item?.notes[0]).toBe(
      "Möjlig dubblett: inskrivningsmeddelande finns redan i ärendet, skickat 2026-03-02 07:10 av Avd 12 Medicin. Registrera bara om det som sades per telefon är en annan händelse; annars makulera posten.",
    );
    // The phoned data stays beside it: the time of the call and what was said.
    expect(item?.eventAt).toEqual(at("2026-03-02", "09:00"));
    expect(item?.prefill).toEqual({ estimatedDischargeDate: "2026-03-06" });
    expect(item?.sourcePhoneContactIds).toEqual([call1.id]);
    expect(item?.duplicateCheckFrom).toEqual(at("2026-03-02", "04:00"));
  });

  it("sent long before the outage: the call repeats it, and only the summary carries it", () => {
    const notice = ev("inskrivningsmeddelande", at("2026-03-02", "03:59"), WARD_A, [BIST, VC]);
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "01:00"), events: [notice] });
    expect(kinds(compute({ cases: [c], phoneLog: [admissionCall()] }))).toEqual(["summary_message@case-1"]);
    // Four hours before the start still counts.
    const justInside = { ...notice, occurredAt: at("2026-03-02", "04:00") };
    expect(compute({ cases: [{ ...c, events: [justInside] }], phoneLog: [admissionCall()] })[0]?.possibleDuplicate?.messageId).toBe(notice.id);
  });

  it("registered by another unit during the outage: a phoned SIP date is flagged with that unit's kallelse", () => {
    // Only the ward and the kommun are down; the vårdcentral sends its kallelse in the system.
    const partOutage = outage("o1", DAY_START, DAY_END, { kind: "units", unitIds: [WARD_A, BIST] });
    const c = arCase({
      id: "case-1",
      admittedAt: at("2026-02-20", "10:00"),
      events: [ev("inskrivningsmeddelande", at("2026-02-20", "12:00"), WARD_A, [BIST, VC])],
      consents: ALL_CONSENTS,
    });
    const kallelse = ev("kallelse_sip", at("2026-03-02", "10:30"), VC, [WARD_A, BIST], { meetingAt: at("2026-03-10", "09:00").toISOString() });
    const phoned = call({
      caseId: "case-1",
      occurredAt: at("2026-03-02", "10:00"),
      steps: ["sip_datum"],
      details: { sipAt: at("2026-03-09", "13:00").toISOString() },
    });
    const [item] = compute({ outage: partOutage, cases: [{ ...c, events: [...c.events, kallelse] }], phoneLog: [phoned] }).filter(
      (i) => i.kind === "formal_sip_call",
    );
    expect(item).toMatchObject({ unitId: WARD_A, possibleDuplicate: { messageId: kallelse.id, senderUnitId: VC, senderUnitName: "Vårdcentralen Fröslunda" } });
  });

  it("registered after the outage: a phoned discharge is flagged with the discharge notice, not dropped", () => {
    const c = arCase({
      id: "case-1",
      admittedAt: at("2026-02-27", "09:00"),
      events: [
        ev("inskrivningsmeddelande", at("2026-02-27", "10:00"), WARD_A, [BIST]),
        ev("utskrivningsmeddelande", at("2026-03-02", "17:00"), WARD_B, [BIST], { dischargedAt: at("2026-03-02", "13:00").toISOString() }),
      ],
    });
    const log = [call({ caseId: "case-1", occurredAt: at("2026-03-02", "12:00"), steps: ["utskrivningsmeddelande"] })];
    const items = compute({ cases: [c], phoneLog: log });
    expect(kinds(items)).toEqual(["register_discharge@case-1", "summary_message@case-1"]);
    expect(items[0]?.possibleDuplicate).toMatchObject({ kind: "utskrivningsmeddelande", senderUnitName: "Avd 14 Ortopedi", sentAt: at("2026-03-02", "17:00") });
    expect(items[0]?.eventAt).toEqual(at("2026-03-02", "12:00"));
  });

  it("no duplicate: another kind, or a message the item's unit may not see, leaves the item unflagged", () => {
    const planning = ev("planeringsunderlag", at("2026-03-02", "07:30"), WARD_A, [BIST, VC], { version: 1, needs: "…" });
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "09:00"), events: [planning] });
    const [admission] = compute({ cases: [c], phoneLog: [admissionCall()] });
    expect(admission?.kind).toBe("register_admission");
    expect(admission?.possibleDuplicate).toBeUndefined();
    expect(admission?.notes.join(" ")).not.toContain("Möjlig dubblett");

    // Västernorrland: the vårdcentral sends the kallelse; without the patient's consent to transfer
    // to it, it may not read the kommun's kallelse, so it is not shown one.
    const noConsent = [consent("informationsoverforing_vardcentral", false, at("2026-02-20", "09:00"))];
    const sipAt = at("2026-03-09", "13:00").toISOString();
    const byKommun = ev("kallelse_sip", at("2026-03-02", "09:30"), BIST, [WARD_A], { meetingAt: sipAt });
    const c2 = arCase({
      id: "case-2",
      admittedAt: at("2026-02-20", "10:00"),
      events: [ev("inskrivningsmeddelande", at("2026-02-20", "12:00"), WARD_A, [BIST, VC]), byKommun],
      consents: noConsent,
    });
    const phoned = call({ caseId: "case-2", occurredAt: at("2026-03-02", "10:00"), steps: ["sip_datum"], details: { sipAt } });
    const [sip] = compute({ cases: [c2], phoneLog: [phoned], profile: VASTERNORRLAND_ROUTINE_PROFILE }).filter((i) => i.kind === "formal_sip_call");
    expect(sip).toMatchObject({ unitId: VC });
    expect(sip?.possibleDuplicate).toBeUndefined();
  });
});

describe("the fast vårdkontakt in Västernorrland", () => {
  const vnl = (p: Partial<AfterRegistrationInput>) =>
    compute({ profile: VASTERNORRLAND_ROUTINE_PROFILE, ...p }).filter((i) => i.kind === "confirm_fixed_care_contact");

  it("an item of its own for the vårdcentral of a case admitted during the outage, after the admission notice", () => {
    const c = arCase({ id: "case-1", admittedAt: at("2026-03-02", "09:00") });
    const log = [call({ caseId: "case-1", occurredAt: at("2026-03-02", "09:40"), counterpartUnitId: VC, steps: ["inskrivning"] })];
    const items = vnl({ cases: [c], phoneLog: log });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      key: `confirm_fixed_care_contact:case-1:${VC}`,
      unitId: VC,
      messageKind: "svar_pa_inskrivning",
      sourcePhoneContactIds: [log[0]!.id],
    });
    expect(items[0]?.eventAt).toEqual(at("2026-03-02", "09:40"));
    expect(items[0]?.notes.join(" ")).toContain("när avdelningen har registrerat inskrivningsmeddelandet");
  });

  it("for a case notified before: when the vårdcentral talked about it by phone, not when it has answered or had no part in the outage", () => {
    const notice = ev("inskrivningsmeddelande", at("2026-02-27", "12:00"), WARD_A, [BIST, VC]);
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice] });
    const vcCall = call({
      caseId: "case-1",
      unitId: VC,
      counterpartUnitId: WARD_A,
      occurredAt: at("2026-03-02", "11:00"),
      steps: ["beraknat_utskrivningsdatum"],
      direction: "mottaget",
    });
    expect(vnl({ cases: [c], phoneLog: [vcCall] }).map((i) => [i.unitId, i.eventAt])).toEqual([[VC, at("2026-03-02", "11:00")]]);
    // Answered already, no calls, or Sörmland: nothing.
    const answered = ev("svar_pa_inskrivning", at("2026-02-28", "09:00"), VC, [WARD_A], {
      currentServices: "Inga",
      knownToUnit: true,
      fixedCareContactStaffId: "00000000-0000-4000-8000-000000000001",
    });
    expect(vnl({ cases: [{ ...c, events: [notice, answered] }], phoneLog: [vcCall] })).toEqual([]);
    expect(vnl({ cases: [c] })).toEqual([]);
    expect(compute({ cases: [c], phoneLog: [vcCall] }).filter((i) => i.kind === "confirm_fixed_care_contact")).toEqual([]);
  });
});

describe("over midnight and the daylight-saving changes", () => {
  it("a night outage: admitted 23:30, phoned 00:15 → the admission at 00:15; admitted and gone by morning → nothing", () => {
    const night = outage("o-night", at("2026-02-10", "20:00"), at("2026-02-11", "08:00"));
    const stays = arCase({ id: "case-1", admittedAt: at("2026-02-10", "23:30") });
    const gone = arCase({ id: "case-2", patientId: "patient-2", admittedAt: at("2026-02-10", "23:30"), dischargedAt: at("2026-02-11", "07:00") });
    const log = [call({ caseId: "case-1", occurredAt: at("2026-02-11", "00:15"), steps: ["inskrivning"] })];
    const items = compute({ outage: night, cases: [stays, gone], phoneLog: log });
    expect(kinds(items)).toEqual(["register_admission@case-1"]);
    expect(items[0]?.eventAt).toEqual(at("2026-02-11", "00:15"));
  });

  it("spring change (2026-03-29): a discharge at 03:30 CEST keeps its exact instant", () => {
    const spring = outage("o-spring", at("2026-03-28", "22:00"), at("2026-03-29", "06:00"));
    const c = arCase({
      id: "case-1",
      admittedAt: at("2026-03-27", "10:00"),
      events: [ev("inskrivningsmeddelande", at("2026-03-27", "12:00"), WARD_A, [BIST])],
    });
    const log = [
      call({
        caseId: "case-1",
        occurredAt: at("2026-03-29", "01:50"),
        steps: ["faktiskt_utskrivningsdatum"],
        details: { dischargeAt: "2026-03-29T03:30:00+02:00" },
      }),
    ];
    const items = compute({ outage: spring, cases: [c], phoneLog: log }).filter((i) => i.kind !== "summary_message");
    expect(kinds(items)).toEqual(["register_discharge@case-1"]);
    expect(items[0]?.eventAt.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(items[0]?.prefill).toEqual({ dischargedAt: "2026-03-29T01:30:00.000Z" });
  });

  it("autumn change (2026-10-25): the second 02:30 (CET) is inside the outage and kept exactly", () => {
    const autumn = outage("o-autumn", at("2026-10-24", "22:00"), at("2026-10-25", "06:00"));
    const admitted = arCase({ id: "case-1", admittedAt: new Date("2026-10-25T01:30:00Z") }); // 02:30 CET, the second one
    const log = [call({ caseId: "case-1", occurredAt: new Date("2026-10-25T01:45:00Z"), steps: ["inskrivning"] })];
    const items = compute({ outage: autumn, cases: [admitted], phoneLog: log });
    expect(items[0]?.eventAt.toISOString()).toBe("2026-10-25T01:45:00.000Z");
    // Discharged at 05:59 CET, before the end at 06:00: admitted and discharged within → nothing.
    expect(compute({ outage: autumn, cases: [{ ...admitted, dischargedAt: at("2026-10-25", "05:59") }] })).toEqual([]);
  });
});

describe("two overlapping outages with different scopes", () => {
  const regionWide = outage("o-a", at("2026-03-02", "08:00"), at("2026-03-02", "12:00"));
  const wardOnlyOpen = outage("o-b", at("2026-03-02", "10:00"), null, { kind: "units", unitIds: [WARD_B] }, "inloggning");
  const wardOnlyEnded = { ...wardOnlyOpen, endedAt: at("2026-03-02", "16:00") };
  const onA = arCase({ id: "case-a", admittedAt: at("2026-03-02", "09:00") });
  const onB = arCase({ id: "case-b", patientId: "patient-2", wardUnitId: WARD_B, admittedAt: at("2026-03-02", "09:00") });
  const onBLate = arCase({ id: "case-b2", patientId: "patient-3", wardUnitId: WARD_B, admittedAt: at("2026-03-02", "14:00") });
  const far = arCase({ id: "case-far", patientId: "patient-4", wardUnitId: FAR_WARD, admittedAt: at("2026-03-02", "09:00") });
  const cases = [onA, onB, onBLate, far];

  it("ending the region outage: the ward still in the other outage waits; another region is untouched", () => {
    const items = compute({ outage: regionWide, otherOutages: [wardOnlyOpen], cases });
    expect(kinds(items)).toEqual(["register_admission@case-a"]);
    expect(items[0]?.eventAt).toEqual(at("2026-03-02", "12:00"));
  });

  it("ending the ward's outage: its list covers the merged period 08–16, the other ward is not listed twice", () => {
    const items = compute({ outage: wardOnlyEnded, otherOutages: [regionWide], cases });
    expect(kinds(items)).toEqual(["register_admission@case-b", "register_admission@case-b2"]);
    expect(items.every((i) => i.eventAt.getTime() === at("2026-03-02", "16:00").getTime())).toBe(true);
  });
});

describe("readmission within one outage", () => {
  it("first stay admitted and discharged within → nothing; second admitted during and still in → its admission", () => {
    const first = arCase({ id: "case-1", admittedAt: at("2026-03-02", "08:30") });
    const second = arCase({ id: "case-2", admittedAt: at("2026-03-02", "13:00"), provisional: true });
    const log = [
      call({ occurredAt: at("2026-03-02", "09:00"), steps: ["inskrivning"] }),
      call({
        occurredAt: at("2026-03-02", "11:00"),
        steps: ["utskrivningsmeddelande", "faktiskt_utskrivningsdatum"],
        details: { dischargeAt: at("2026-03-02", "11:30").toISOString() },
      }),
      call({ occurredAt: at("2026-03-02", "13:20"), steps: ["inskrivning", "beraknat_utskrivningsdatum"], details: { estimatedDischargeDate: "2026-03-10" } }),
    ];
    const items = compute({ cases: [second, first], phoneLog: log });
    expect(kinds(items)).toEqual(["register_admission@case-2"]);
    expect(items[0]?.sourcePhoneContactIds).toEqual([log[2]?.id]);
    expect(items[0]?.prefill).toEqual({ estimatedDischargeDate: "2026-03-10" });
    expect(items[0]?.eventAt).toEqual(at("2026-03-02", "13:20"));
  });
});

describe("determinism and the profile", () => {
  it("the same input in another order gives the same items and keys", () => {
    const cases = [
      arCase({ id: "case-1", admittedAt: at("2026-03-02", "09:00") }),
      arCase({ id: "case-2", patientId: "patient-2", admittedAt: at("2026-02-20", "09:00"), dischargedAt: at("2026-03-02", "10:00") }),
    ];
    const log = [
      call({ caseId: "case-1", occurredAt: at("2026-03-02", "09:30"), steps: ["inskrivning"] }),
      call({
        caseId: "case-2",
        patientId: "patient-2",
        occurredAt: at("2026-03-02", "09:45"),
        steps: ["samtycke"],
        details: { consents: [{ kind: "npo", given: true }] },
      }),
    ];
    const a = compute({ cases, phoneLog: log });
    const b = compute({ cases: [...cases].reverse(), phoneLog: [...log].reverse(), units: [...UNITS].reverse() });
    expect(b).toEqual(a);
    expect(new Set(a.map((i) => i.key)).size).toBe(a.length);
  });

  it("a profile that registers nothing after the fact lists nothing", () => {
    const off = {
      ...VASTERNORRLAND_ROUTINE_PROFILE,
      registerAfter: {
        admission: false,
        discharge: false,
        readyForDischarge: false,
        planningBasis: false,
        sipCall: false,
        fixedCareContact: false,
        acknowledgeMessages: false,
        summaryMessage: false,
      } as const,
    };
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-20", "09:00"), dischargedAt: at("2026-03-02", "10:00") });
    const unacknowledged = [{ messageId: "m", unitId: BIST, caseId: null, patientId: "p", occurredAt: at("2026-03-02", "09:00") }];
    expect(compute({ profile: off, cases: [c], unacknowledged })).toEqual([]);
  });

  it("an outage that has not ended gives nothing yet", () => {
    const open = outage("o-open", DAY_START, null);
    expect(compute({ outage: open, cases: [arCase({ id: "case-1", admittedAt: at("2026-03-02", "09:00") })] })).toEqual([]);
  });
});

describe("a case closed as wrongly created", () => {
  it("lists nothing for a provisional case closed as makulerat, whatever was phoned", () => {
    const c = arCase({
      id: "case-1",
      admittedAt: at("2026-03-02", "09:00"),
      provisional: true,
      events: [ev("avslut", at("2026-03-02", "10:00"), WARD_A, [BIST], { reason: "makulerad" })],
    });
    const log = [call({ caseId: "case-1", occurredAt: at("2026-03-02", "09:40"), steps: ["inskrivning"], comment: "Fel patient" })];
    expect(compute({ cases: [c], phoneLog: log })).toEqual([]);
    // The same case closed for another reason still gets its admission registered.
    const closed = { ...c, events: [ev("avslut", at("2026-03-02", "10:00"), WARD_A, [BIST], { reason: "overflyttad" })] };
    expect(kinds(compute({ cases: [closed], phoneLog: log }))).toEqual(["register_admission@case-1"]);
  });
});

describe("the planning basis in Västernorrland", () => {
  const notice = ev("inskrivningsmeddelande", at("2026-02-27", "14:00"), WARD_A, [BIST, VC], { estimatedDischargeDate: "2026-03-09" });
  const planning = call({ caseId: "case-1", occurredAt: at("2026-03-02", "10:30"), steps: ["planeringsunderlag"], comment: "Hemtjänst 3 ggr/dag ansökt" });
  const vnl = (c: ReturnType<typeof arCase>, log = [planning]) =>
    compute({ cases: [c], phoneLog: log, profile: VASTERNORRLAND_ROUTINE_PROFILE }).filter((i) => i.kind === "register_planning_basis");

  it("registers a phoned planning basis while the patient is neither ready nor gone home, as the next version", () => {
    const sent = ev("planeringsunderlag", at("2026-02-28", "09:00"), WARD_A, [BIST, VC], { version: 2, needs: "…" });
    const items = vnl(arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice, sent] }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ unitId: WARD_A, messageKind: "planeringsunderlag", prefill: { version: 3 }, eventAt: at("2026-03-02", "10:30") });
    expect(items[0]?.freeText).toContain("Hemtjänst 3 ggr/dag ansökt");
  });

  it("does not once the patient is ready for discharge or has gone home, nor in Sörmland", () => {
    const ready = ev("utskrivningsklar", at("2026-03-02", "12:00"), WARD_A, [BIST, VC], { decidedAt: at("2026-03-02", "11:50").toISOString() });
    expect(vnl(arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice, ready] }))).toEqual([]);
    const readyCall = call({ caseId: "case-1", occurredAt: at("2026-03-02", "11:00"), steps: ["utskrivningsklar"] });
    expect(vnl(arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice] }), [planning, readyCall])).toEqual([]);
    expect(vnl(arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice], dischargedAt: at("2026-03-02", "15:00") }))).toEqual([]);
    const c = arCase({ id: "case-1", admittedAt: at("2026-02-27", "10:00"), events: [notice] });
    expect(compute({ cases: [c], phoneLog: [planning] }).filter((i) => i.kind === "register_planning_basis")).toEqual([]);
  });
});
