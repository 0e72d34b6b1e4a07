import { describe, expect, it } from "vitest";
import type { CaseFacts } from "../case/types";
import { dischargeBlockers, outageChecklist, type ChecklistInput } from "./checklist";
import type { GuidanceParty } from "./guidance";
import { SORMLAND_ROUTINE_PROFILE as SRM } from "./profiles/sormland";
import { VASTERNORRLAND_ROUTINE_PROFILE as VNL } from "./profiles/vasternorrland";
import { at, BIST, call, ev, KOMMUN_ORG, REGION, VC, WARD_A } from "./test-fixtures";

const PARTIES: GuidanceParty[] = [
  { unitId: WARD_A, role: "avdelning", organisationId: REGION, unitName: "Avd 12 Medicin" },
  { unitId: BIST, role: "kommun", organisationId: KOMMUN_ORG, unitName: "Biståndsenheten Eskilstuna" },
  { unitId: VC, role: "vardcentral", organisationId: REGION, unitName: "Vårdcentralen Fröslunda" },
];
const ADMITTED = at("2026-03-02", "09:00");
const NOTICE = ev("inskrivningsmeddelande", at("2026-03-02", "11:00"), WARD_A, [BIST, VC], { estimatedDischargeDate: "2026-03-06" });
const facts = (events: CaseFacts["events"]): CaseFacts => ({
  admittedAt: ADMITTED,
  careType: "somatisk",
  lpt: false,
  lrv: false,
  parties: PARTIES.map((p) => ({ unitId: p.unitId, role: p.role })),
  events,
  consents: [],
});
const input = (p: Partial<ChecklistInput>): ChecklistInput => ({
  profile: VNL,
  facts: facts([NOTICE]),
  parties: PARTIES,
  phoneLog: [],
  now: at("2026-03-05", "10:00"),
  ...p,
});
const discharge = { steps: ["utskrivningsmeddelande" as const, "faktiskt_utskrivningsdatum" as const] };

describe("Västernorrland: no discharge before the receiving unit has confirmed", () => {
  it("one blocking point per receiving party, unchecked until confirmed", () => {
    const items = outageChecklist(input({}));
    const blockers = dischargeBlockers(items);
    expect(blockers.map((i) => i.text)).toEqual([
      "Utskrivning väntar tills mottagande enhet bekräftat att informationen tagits emot: Kommun – Biståndsenheten Eskilstuna",
      "Utskrivning väntar tills mottagande enhet bekräftat att informationen tagits emot: Vårdcentral – Vårdcentralen Fröslunda",
    ]);
    expect(blockers.map((i) => i.key)).toEqual([`bekrafta:${BIST}`, `bekrafta:${VC}`]);
  });

  it("a call that gave the information without confirmation does not check it; a confirmed one does; so does the receiver's own entry", () => {
    const given = call({ ...discharge, occurredAt: at("2026-03-05", "09:00"), counterpartUnitId: BIST });
    expect(dischargeBlockers(outageChecklist(input({ phoneLog: [given] })))).toHaveLength(2);
    const confirmed = { ...given, receiverConfirmed: true };
    const received = call({
      ...discharge,
      occurredAt: at("2026-03-05", "09:05"),
      unitId: VC,
      counterpartUnitId: WARD_A,
      direction: "mottaget",
      receiverConfirmed: true,
    });
    expect(dischargeBlockers(outageChecklist(input({ phoneLog: [confirmed] }))).map((i) => i.unitId)).toEqual([VC]);
    expect(dischargeBlockers(outageChecklist(input({ phoneLog: [confirmed, received] })))).toEqual([]);
    // Another step confirmed is not the discharge information.
    const planning = call({ steps: ["planeringsunderlag"], occurredAt: at("2026-03-05", "09:00"), receiverConfirmed: true });
    expect(dischargeBlockers(outageChecklist(input({ phoneLog: [planning] })))).toHaveLength(2);
  });

  it("after the discharge an unconfirmed receiver is overdue", () => {
    const items = outageChecklist(input({ dischargedAt: at("2026-03-05", "09:00") }));
    expect(items.filter((i) => i.blocking).every((i) => i.overdue)).toBe(true);
  });
});

describe("before the admission notice", () => {
  it("asks to phone the admission to each receiving party, checked by a call with 'Inskrivning'", () => {
    const log = [call({ steps: ["inskrivning"], occurredAt: at("2026-03-02", "09:30") })];
    const items = outageChecklist(input({ facts: facts([]), phoneLog: log, now: at("2026-03-02", "10:00") }));
    const admission = items.filter((i) => i.key.startsWith("inskrivning:"));
    expect(admission.map((i) => [i.unitId, i.checked])).toEqual([
      [BIST, true],
      [VC, false],
    ]);
    expect(admission[1]?.text).toBe(
      "Meddela inskrivningen per telefon till Vårdcentral – Vårdcentralen Fröslunda, med beräknat utskrivningsdatum och samtycke",
    );
    expect(admission[1]?.dueAt).toEqual(at("2026-03-03", "09:00"));
    expect(outageChecklist(input({})).some((i) => i.key.startsWith("inskrivning:"))).toBe(false);
  });
});

describe("Sörmland: tell the kommun the patient has left, and call the patient", () => {
  const dischargedAt = at("2026-03-05", "10:00");

  it("no blocking point; after the discharge: tell each party, the ward calls within 48 h, the vårdcentral within 7 days", () => {
    const before = outageChecklist(input({ profile: SRM, now: at("2026-03-05", "08:00") }));
    expect(dischargeBlockers(before)).toEqual([]);
    expect(before.filter((i) => i.manual).map((i) => i.key)).toEqual(["manuell:kuvert", "manuell:hemtjanst_rapport"]);

    const after = outageChecklist(input({ profile: SRM, dischargedAt, now: at("2026-03-08", "12:00") }));
    expect(after.filter((i) => i.key.startsWith("lamnat:")).map((i) => i.text)).toEqual([
      "Meddela Kommun – Biståndsenheten Eskilstuna att patienten har lämnat sjukhuset",
      "Meddela Vårdcentral – Vårdcentralen Fröslunda att patienten har lämnat sjukhuset",
    ]);
    const ward = after.find((i) => i.key === "uppfoljning:avdelning");
    const vc = after.find((i) => i.key === "uppfoljning:vardcentral");
    expect(ward).toMatchObject({ text: "Ring upp patienten inom 48 timmar efter utskrivningen", unitId: WARD_A, checked: false, overdue: true });
    expect(ward?.dueAt).toEqual(at("2026-03-07", "10:00"));
    expect(vc).toMatchObject({ responsibleRole: "vardcentral", unitId: VC, overdue: false });
    expect(vc?.dueAt).toEqual(new Date(at("2026-03-13").getTime() - 1));
  });

  it("a logged call with the patient after the discharge checks the follow-up; manual points by their keys", () => {
    const log = [
      call({
        unitId: WARD_A,
        counterpartKind: "patient",
        counterpartName: "Patienten",
        counterpartUnitId: null,
        steps: ["utskrivningsmeddelande"],
        occurredAt: at("2026-03-06", "09:00"),
      }),
    ];
    const items = outageChecklist(input({ profile: SRM, dischargedAt, phoneLog: log, now: at("2026-03-08", "12:00") }));
    expect(items.find((i) => i.key === "uppfoljning:avdelning")).toMatchObject({ checked: true, overdue: false });
    const before = outageChecklist(input({ profile: SRM, manualDoneKeys: ["manuell:kuvert"] }));
    expect(before.find((i) => i.key === "manuell:kuvert")?.checked).toBe(true);
  });
});
