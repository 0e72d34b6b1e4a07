import { describe, expect, it } from "vitest";
import { dueSteps, missedLegalDeadline, summariseDue, MESSAGE_KIND_LABELS, stageLabel, worklistSortKey, type DueStep } from "./due";
import {
  ALL_CONSENTS,
  answered,
  at,
  baseFacts,
  discharged,
  event,
  HSV,
  HTJ,
  KOMMUN,
  notified,
  PARTIES,
  READY_AT,
  ready,
  VC,
  WARD,
  withEvents,
} from "./test-fixtures";
import { CASE_STAGES, MESSAGE_KINDS, type CaseFacts } from "./types";

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;
const codes = (steps: DueStep[]): string[] => steps.map((s) => s.step);
const find = (steps: DueStep[], code: string): DueStep | undefined => steps.find((s) => s.step === code);

describe("dueSteps: the ward", () => {
  it("sends the admission notice within 24 hours and records consent before it", () => {
    const steps = dueSteps(baseFacts({ consents: [] }), "avdelning", at("2026-02-02", "18:00"));
    expect(codes(steps)).toEqual(["skicka_inskrivningsmeddelande", "dokumentera_samtycke"]);
    expect(steps[0]).toMatchObject({
      label: "Skicka inskrivningsmeddelande",
      severity: "legal",
      overdue: false,
      rule: "N5",
      kind: "inskrivningsmeddelande",
    });
    expect(iso(steps[0]?.dueAt)).toBe(iso(at("2026-02-03", "10:00")));
    expect(find(steps, "dokumentera_samtycke")?.label).toBe("Dokumentera samtycke före inskrivningsmeddelandet");
  });

  it("marks the notice overdue one minute past the deadline, and the hospital view sees the same", () => {
    const steps = dueSteps(baseFacts(), "sjukhus", at("2026-02-03", "10:01"));
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ step: "skicka_inskrivningsmeddelande", overdue: true });
  });

  it("asks to update an estimated date that has passed", () => {
    const steps = dueSteps(notified(), "avdelning", at("2026-02-10", "08:00"));
    expect(find(steps, "uppdatera_beraknat_datum")).toMatchObject({ overdue: true, kind: "andrat_utskrivningsdatum" });
    expect(iso(find(steps, "uppdatera_beraknat_datum")?.dueAt)).toBe("2026-02-09T22:59:59.999Z");
    expect(find(dueSteps(notified(), "avdelning", at("2026-02-09", "23:00")), "uppdatera_beraknat_datum")).toBeUndefined();
  });

  it("sends the discharge information by the end of the agreed discharge day", () => {
    const f = withEvents(ready(), event("utskrivningsdatum", at("2026-02-06", "14:00"), WARD, [KOMMUN], { dischargeAt: "2026-02-09T10:00:00+01:00" }));
    const step = find(dueSteps(f, "avdelning", at("2026-02-09", "12:00")), "skicka_utskrivningsmeddelande");
    expect(step).toMatchObject({ severity: "legal", overdue: false, rule: "N13" });
    expect(iso(step?.dueAt)).toBe(iso(new Date(at("2026-02-10").getTime() - 1)));
    expect(find(dueSteps(f, "avdelning", at("2026-02-10", "00:00")), "skicka_utskrivningsmeddelande")?.overdue).toBe(true);
  });

  it("without an agreed time, asks for one and sets no discharge-day deadline from the estimated date", () => {
    const steps = dueSteps(ready(), "avdelning", at("2026-02-06", "12:00"));
    expect(find(steps, "bestam_utskrivningsdatum")).toMatchObject({ dueAt: null, label: "Bestäm utskrivningsdatum" });
    expect(find(steps, "skicka_utskrivningsmeddelande")).toMatchObject({ dueAt: null, severity: "normal", overdue: false });
  });

  it("does not show a patient still in hospital as overdue when the estimated date has passed", () => {
    // The estimate was 2026-02-09; two days later the patient is still in hospital, no time agreed.
    const step = find(dueSteps(ready(), "avdelning", at("2026-02-11", "12:00")), "skicka_utskrivningsmeddelande");
    expect(step).toMatchObject({ dueAt: null, overdue: false });
  });

  it("after a withdrawal, reminds to re-notify when ready again", () => {
    const f = withEvents(ready(), event("ej_utskrivningsklar", at("2026-02-07", "08:00"), WARD, [KOMMUN, VC]));
    const steps = dueSteps(f, "avdelning", at("2026-02-07", "09:00"));
    expect(find(steps, "ny_utskrivningsklar")).toMatchObject({ dueAt: null, severity: "info", rule: "N12" });
    expect(find(steps, "skicka_utskrivningsmeddelande")).toBeUndefined();
  });

  it("handles a rejection, and offers to close after discharge", () => {
    const f = withEvents(notified(), event("avvisning", at("2026-02-03", "08:00"), KOMMUN, [WARD], { reason: "ej_folkbokford", text: "x" }));
    expect(find(dueSteps(f, "avdelning", at("2026-02-03", "09:00")), "hantera_avvisning")?.label).toBe("Hantera avvisningen från kommunen");
    expect(codes(dueSteps(discharged(), "avdelning", at("2026-02-09", "12:00")))).toEqual(["avsluta_arende"]);
  });

  it("has nothing due in a closed case except acknowledging its messages", () => {
    const f = withEvents(discharged(), event("avslut", at("2026-02-20", "09:00"), WARD, [KOMMUN]));
    expect(dueSteps(f, "avdelning", at("2026-02-20", "10:00"))).toEqual([]);
    const last = f.events.at(-1)!;
    expect(codes(dueSteps(f, "kommun", at("2026-02-20", "10:00"), { unacknowledgedMessageIds: [last.id] }))).toEqual(["kvittera"]);
  });
});

describe("dueSteps: the kommun", () => {
  it("acknowledges within 24 hours and answers the notice before the estimated discharge day", () => {
    const f = notified();
    const steps = dueSteps(f, "kommun", at("2026-02-02", "15:00"), { unacknowledgedMessageIds: [f.events[0]!.id] });
    expect(codes(steps)).toEqual(["kvittera", "svara_pa_inskrivning"]);
    expect(steps[0]).toMatchObject({ label: "Kvittera 1 meddelande", overdue: false });
    expect(iso(steps[0]?.dueAt)).toBe(iso(at("2026-02-03", "14:00")));
    expect(iso(steps[1]?.dueAt)).toBe(iso(at("2026-02-09")));
  });

  it("counts several unacknowledged messages", () => {
    const f = answered();
    const step = dueSteps(f, "kommun", at("2026-02-05"), { unacknowledgedMessageIds: f.events.map((e) => e.id) })[0];
    expect(step).toMatchObject({ step: "kvittera", label: "Kvittera 3 meddelanden", overdue: true });
  });

  it("reports decisions, confirms self-care help", () => {
    const f = withEvents(answered(), event("egenvardsbedomning", at("2026-02-04", "09:00"), WARD, [KOMMUN]));
    const steps = dueSteps(f, "kommun", at("2026-02-04", "10:00"));
    expect(codes(steps)).toEqual(["bekrafta_egenvard", "meddela_beslut"]);
  });

  it("gives kommunklar by the payment clock, with the day count", () => {
    const steps = dueSteps(ready(), "kommun", at("2026-02-08", "12:00"));
    const step = find(steps, "meddela_kommunklar");
    expect(step).toMatchObject({ label: "Meddela kommunklar (dag 2 efter utskrivningsklar)", severity: "legal", overdue: false });
    // Ready Friday 2026-02-06: days 1–3 free, liability from Tuesday 2026-02-10 00:00.
    expect(iso(step?.dueAt)).toBe(iso(new Date(at("2026-02-10").getTime() - 1)));
    expect(find(dueSteps(ready(), "kommun", at("2026-02-10", "00:00")), "meddela_kommunklar")).toMatchObject({
      overdue: true,
      label: "Meddela kommunklar (dag 4 efter utskrivningsklar)",
    });
    expect(iso(find(dueSteps(ready(), "kommun", at("2026-02-08"), { paymentLiabilityFrom: at("2026-02-12") }), "meddela_kommunklar")?.dueAt)).toBe(
      iso(new Date(at("2026-02-12").getTime() - 1)),
    );
  });

  it("takes the deadline from the payment engine's result, and has none when payment responsibility cannot start", () => {
    const none = find(dueSteps(ready(), "kommun", at("2026-02-08", "12:00"), { paymentLiabilityFrom: null }), "meddela_kommunklar");
    expect(none).toMatchObject({ label: "Meddela kommunklar (dag 2 efter utskrivningsklar)", dueAt: null, overdue: false });
    // Without the kommun's admission notice the law's preconditions fail: the engine gives no start, so no deadline.
    const noAdmission = { ...ready(), events: ready().events.filter((e) => e.kind !== "inskrivningsmeddelande") };
    const step = find(dueSteps(noAdmission, "kommun", at("2026-02-08", "12:00")), "meddela_kommunklar");
    expect(step?.dueAt).toBeNull();
    expect(step).toBeDefined();
  });

  it("restarts the payment clock at the new notice after a withdrawal", () => {
    const renewed = at("2026-02-11", "09:00");
    const f = withEvents(
      ready(),
      event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD]),
      event("ej_utskrivningsklar", at("2026-02-07", "08:00"), WARD, [KOMMUN, VC]),
    );
    expect(find(dueSteps(f, "kommun", at("2026-02-08")), "meddela_kommunklar")).toBeUndefined();
    const step = find(
      dueSteps(withEvents(f, event("utskrivningsklar", renewed, WARD, [KOMMUN, VC])), "kommun", at("2026-02-12", "09:00")),
      "meddela_kommunklar",
    );
    expect(step?.label).toBe("Meddela kommunklar (dag 1 efter utskrivningsklar)");
    expect(iso(step?.dueAt)).toBe(iso(new Date(at("2026-02-15").getTime() - 1)));
  });

  it("has no kommunklar step once given, and nothing for a party that rejected", () => {
    const given = withEvents(ready(), event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD]));
    expect(codes(dueSteps(given, "kommun", at("2026-02-07")))).toEqual(["meddela_beslut"]);
    const f = withEvents(notified(), event("avvisning", at("2026-02-03", "08:00"), KOMMUN, [WARD], { reason: "ej_folkbokford", text: "x" }));
    expect(dueSteps(f, "kommun", at("2026-02-03", "09:00"))).toEqual([]);
  });

  it("picks the party by unit when given one", () => {
    expect(codes(dueSteps(notified(), "hemsjukvard", at("2026-02-03"), { unitId: HSV }))).toEqual(["svara_pa_inskrivning"]);
    expect(dueSteps(notified(), "hemsjukvard", at("2026-02-03"), { unitId: KOMMUN })).toEqual([]);
  });
});

describe("dueSteps: the vårdcentral", () => {
  it("names a fast vårdkontakt before the estimated discharge day", () => {
    const step = find(dueSteps(notified(), "vardcentral", at("2026-02-03")), "utse_fast_vardkontakt");
    expect(step).toMatchObject({
      label: "Utse fast vårdkontakt och svara på inskrivningsmeddelandet",
      severity: "legal",
      rule: "N10",
    });
    expect(iso(step?.dueAt)).toBe(iso(at("2026-02-09")));
  });

  it("counts from the agreed discharge time when there is one, and is overdue after discharge", () => {
    const f = withEvents(
      notified(),
      event("utskrivningsklar", READY_AT, WARD, [KOMMUN, VC]),
      event("utskrivningsdatum", at("2026-02-06", "14:00"), WARD, [KOMMUN, VC], { dischargeAt: "2026-02-07T11:00:00+01:00" }),
    );
    expect(iso(find(dueSteps(f, "vardcentral", at("2026-02-06", "15:00")), "utse_fast_vardkontakt")?.dueAt)).toBe(iso(at("2026-02-07", "11:00")));
    const gone = withEvents(
      f,
      event("utskrivningsmeddelande", at("2026-02-07", "11:30"), WARD, [KOMMUN, VC], {
        dischargedAt: "2026-02-07T11:00:00+01:00",
        dischargePlan: "x",
        medicationList: "y",
      }),
    );
    expect(find(dueSteps(gone, "vardcentral", at("2026-02-07", "12:00")), "utse_fast_vardkontakt")?.overdue).toBe(true);
  });

  it("calls to SIP within 3 days of the ready notice, and is ready to receive", () => {
    const steps = dueSteps(ready(), "vardcentral", at("2026-02-06", "12:00"));
    expect(codes(steps)).toEqual(["kalla_till_sip", "meddela_redo"]);
    expect(steps[0]).toMatchObject({ label: "Kalla till SIP", severity: "legal", rule: "N15", overdue: false });
    expect(iso(steps[0]?.dueAt)).toBe(iso(new Date(at("2026-02-10").getTime() - 1)));
    expect(steps[1]?.label).toBe("Meddela att vårdcentralen är redo att ta emot patienten");
    expect(find(dueSteps(ready(), "vardcentral", at("2026-02-10", "00:00")), "kalla_till_sip")?.overdue).toBe(true);
  });

  it("needs a new SIP call after a re-notice, and none once called", () => {
    const called = withEvents(ready(), event("kallelse_sip", at("2026-02-07", "09:00"), VC, [WARD, KOMMUN]));
    expect(find(dueSteps(called, "vardcentral", at("2026-02-07", "10:00")), "kalla_till_sip")).toBeUndefined();
    const renewed = withEvents(
      called,
      event("ej_utskrivningsklar", at("2026-02-08", "08:00"), WARD, [KOMMUN, VC]),
      event("utskrivningsklar", at("2026-02-11", "10:00"), WARD, [KOMMUN, VC]),
    );
    expect(iso(find(dueSteps(renewed, "vardcentral", at("2026-02-11", "11:00")), "kalla_till_sip")?.dueAt)).toBe(iso(new Date(at("2026-02-15").getTime() - 1)));
  });

  it("has no SIP step when SIP is not needed (no kommun-side party)", () => {
    const f = ready({ parties: PARTIES.filter((p) => !["kommun", "hemsjukvard", "hemtjanst"].includes(p.role)) });
    expect(find(dueSteps(f, "vardcentral", at("2026-02-06", "12:00")), "kalla_till_sip")).toBeUndefined();
  });
});

describe("dueSteps: hemtjänst", () => {
  it("only acknowledges what is addressed to it", () => {
    const f = withEvents(ready(), event("utskrivningsdatum", at("2026-02-06", "14:00"), WARD, [HTJ]));
    expect(dueSteps(f, "hemtjanst", at("2026-02-06", "15:00"))).toEqual([]);
    expect(codes(dueSteps(f, "hemtjanst", at("2026-02-06", "15:00"), { unacknowledgedMessageIds: [f.events.at(-1)!.id] }))).toEqual(["kvittera"]);
  });
});

describe("worklistSortKey", () => {
  const now = at("2026-02-08", "12:00");
  it("puts overdue first, then the earliest deadline, then undated steps, then nothing due", () => {
    const overdue: CaseFacts = baseFacts({ admittedAt: at("2026-02-06", "08:00") }); // notice due 2026-02-07 08:00
    const dueSoon: CaseFacts = baseFacts({ admittedAt: at("2026-02-08", "09:00") }); // due 2026-02-09 09:00
    const undated: CaseFacts = discharged(); // "avsluta ärendet", no deadline
    const nothing: CaseFacts = withEvents(discharged(), event("avslut", at("2026-02-08", "09:00"), WARD, [KOMMUN]));
    const sorted = [nothing, undated, dueSoon, overdue].sort((a, b) => worklistSortKey(a, "avdelning", now) - worklistSortKey(b, "avdelning", now));
    expect(sorted).toEqual([overdue, dueSoon, undated, nothing]);
    expect(worklistSortKey(overdue, "avdelning", now)).toBe(at("2026-02-07", "08:00").getTime());
  });
});

describe("labels", () => {
  it("has a Swedish label for every stage and every kind", () => {
    expect(CASE_STAGES.map(stageLabel)).toEqual(["Inskriven", "Planering", "Utskrivningsklar", "Utskriven", "Avslutad"]);
    for (const kind of MESSAGE_KINDS) expect(MESSAGE_KIND_LABELS[kind]).toMatch(/^[A-ZÅÄÖ]/);
    expect(MESSAGE_KIND_LABELS.ej_utskrivningsklar).toBe("Inte längre utskrivningsklar");
    expect(MESSAGE_KIND_LABELS.avslut).toBe("Avsluta ärende");
    expect(MESSAGE_KIND_LABELS.kallelse_sip).toBe("Kallelse till SIP");
  });

  it("uses consents from the fixtures (sanity)", () => {
    expect(ALL_CONSENTS).toHaveLength(4);
    expect(VC).not.toBe(KOMMUN);
  });
});

describe("dueSteps: legal deadlines set apart from acknowledgements and the region's targets", () => {
  it("classifies each step by how it is timed", () => {
    const f = withEvents(ready(), event("utskrivningsdatum", at("2026-02-06", "14:00"), WARD, [KOMMUN], { dischargeAt: "2026-02-09T10:00:00+01:00" }));
    const ward = dueSteps(f, "avdelning", at("2026-02-10", "08:00"), { unacknowledgedMessageIds: [f.events.at(-1)!.id] });
    expect(find(ward, "skicka_utskrivningsmeddelande")?.deadline).toBe("lag");
    expect(find(ward, "uppdatera_beraknat_datum")?.deadline).toBe("mal");
    expect(find(ward, "kvittera")?.deadline).toBe("kvittens");
    expect(find(dueSteps(notified(), "kommun", at("2026-02-03")), "svara_pa_inskrivning")?.deadline).toBe("mal");
    expect(find(dueSteps(notified(), "vardcentral", at("2026-02-03")), "utse_fast_vardkontakt")?.deadline).toBe("lag");
    expect(find(dueSteps(answered(), "kommun", at("2026-02-04")), "meddela_beslut")?.deadline).toBe("ingen");
  });

  it("keeps every due step, and an unacknowledged message does not hide an overdue legal deadline", () => {
    // The vårdcentral has not named the fast vårdkontakt and has a message to acknowledge.
    const f = withEvents(notified(), event("planeringsunderlag", at("2026-02-03", "09:00"), WARD, [KOMMUN, VC], { version: 1 }));
    const steps = dueSteps(f, "vardcentral", at("2026-02-12"), { unacknowledgedMessageIds: [f.events.at(-1)!.id] });
    expect(codes(steps).sort()).toEqual(["kvittera", "utse_fast_vardkontakt"]);
    const summary = summariseDue(steps);
    expect(summary.sortStep).toBe("utse_fast_vardkontakt");
    expect(summary.legalDueAt).toEqual(find(steps, "utse_fast_vardkontakt")?.dueAt);
    expect(summary.steps.map((s) => s.deadline).sort()).toEqual(["kvittens", "lag"]);
    expect(
      missedLegalDeadline(
        summary.steps.find((s) => s.step === "utse_fast_vardkontakt")!,
        at("2026-02-12"),
      ),
    ).toBe(true);
  });

  it("is red only for a missed deadline of the law, not for a late acknowledgement or a missed target", () => {
    const late = new Date(at("2026-02-01").getTime()).toISOString();
    expect(missedLegalDeadline({ deadline: "kvittens", dueAt: late }, at("2026-02-12"))).toBe(false);
    expect(missedLegalDeadline({ deadline: "mal", dueAt: late }, at("2026-02-12"))).toBe(false);
    expect(missedLegalDeadline({ deadline: "lag", dueAt: late }, at("2026-02-12"))).toBe(true);
    expect(missedLegalDeadline({ deadline: "lag", dueAt: at("2026-02-13").toISOString() }, at("2026-02-12"))).toBe(false);
  });

  it("orders by acknowledgements only when nothing else is dated", () => {
    const f = withEvents(answered(), event("planeringsunderlag", at("2026-02-04", "09:00"), WARD, [KOMMUN], { version: 1 }));
    const summary = summariseDue(dueSteps(f, "kommun", at("2026-02-04", "10:00"), { unacknowledgedMessageIds: [f.events.at(-1)!.id] }));
    expect(summary.sortStep).toBe("kvittera");
    expect(summary.legalDueAt).toBeNull();
  });
});

describe("dueSteps: kommunklar is the kommun's single statement", () => {
  const KOMMUN_ORG = "00000000-0000-4000-8000-00000000b000";
  const OTHER_ORG = "00000000-0000-4000-8000-00000000b999";
  const withOrgs = (f: CaseFacts, hsvOrg = KOMMUN_ORG): CaseFacts => ({
    ...f,
    parties: f.parties.map((p) => (p.unitId === KOMMUN ? { ...p, organisationId: KOMMUN_ORG } : p.unitId === HSV ? { ...p, organisationId: hsvOrg } : p)),
  });

  it("owes nothing more at the kommun's hemsjukvård once the biståndsenhet has sent kommunklar", () => {
    const owed = find(dueSteps(withOrgs(ready()), "hemsjukvard", at("2026-02-07"), { unitId: HSV }), "meddela_kommunklar");
    expect(owed).toBeDefined();
    const given = withOrgs(withEvents(ready(), event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD])));
    expect(find(dueSteps(given, "hemsjukvard", at("2026-02-07"), { unitId: HSV }), "meddela_kommunklar")).toBeUndefined();
    // Without the organisations known, the case's kommun-side parties are one kommun.
    const unknown = withEvents(ready(), event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD]));
    expect(find(dueSteps(unknown, "hemsjukvard", at("2026-02-07"), { unitId: HSV }), "meddela_kommunklar")).toBeUndefined();
  });

  it("still asks another kommun's unit, and asks again after the ready notice is withdrawn", () => {
    const other = withOrgs(withEvents(ready(), event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD])), OTHER_ORG);
    expect(find(dueSteps(other, "hemsjukvard", at("2026-02-07"), { unitId: HSV }), "meddela_kommunklar")).toBeDefined();
    const withdrawn = withOrgs(
      withEvents(
        ready(),
        event("kommunklar", at("2026-02-06", "13:00"), KOMMUN, [WARD]),
        event("ej_utskrivningsklar", at("2026-02-07", "08:00"), WARD, [KOMMUN, VC]),
        event("utskrivningsklar", at("2026-02-08", "08:00"), WARD, [KOMMUN, VC]),
      ),
    );
    expect(find(dueSteps(withdrawn, "hemsjukvard", at("2026-02-08", "09:00"), { unitId: HSV }), "meddela_kommunklar")).toBeDefined();
  });
});
