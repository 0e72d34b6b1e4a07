import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { sql } from "@vardkedjan/db/client";
import { stockholmInstant as at } from "@vardkedjan/domain/time/stockholm";
import { castCallers } from "../../testing/callers";
import { loadPlannedCases } from "../../seed/history/load";
import { FIXED_CARE_CONTACT, HISTORY_DISCHARGE_REASON, type PlanStep, type PlannedCase } from "../../seed/history/plan";
import { HISTORY_REGIONS, resolveRegion } from "../../seed/history/regions";
import { followUpCsv, paymentCsv } from "./csv";

/**
 * Four stays in October 2026 in Region Sörmland, worked by hand (see the expectations): three for
 * Eskilstuna (A, B, C), one for Nyköping (D). Written with the history loader, whose rows equal the
 * services' (seed/history/history.int.test.ts).
 */
const CONSENT = {
  consents: [
    { kind: "informationsoverforing_kommun", given: true },
    { kind: "informationsoverforing_vardcentral", given: true },
    { kind: "npo", given: true },
    { kind: "sip", given: true },
  ],
};
const send = (
  by: "ward" | "kommun" | "vc",
  kind: PlanStep extends infer S ? (S extends { kind: infer K } ? K : never) : never,
  payload: Record<string, unknown>,
  when: Date,
): PlanStep => ({ type: "send", by, kind, payload, at: when });
const notice = (when: Date) => send("ward", "inskrivningsmeddelande", { estimatedDischargeDate: "2026-10-30" }, when);
const ready = (when: Date) => send("ward", "utskrivningsklar", { decidedAt: when.toISOString(), decidedBy: "Dr Ek" }, when);
// Sent as the ward does when the vårdcentral has not done its part yet: confirmed, with a reason.
const discharge = (dischargedAt: Date, sentAt = dischargedAt): PlanStep => ({
  type: "send",
  by: "ward",
  kind: "utskrivningsmeddelande",
  payload: { dischargedAt: dischargedAt.toISOString(), dischargePlan: "Hem", medicationList: "Lista" },
  at: sentAt,
  confirmation: { confirmed: true, reason: HISTORY_DISCHARGE_REASON },
});
const close = (when: Date) => send("ward", "avslut", { reason: "utskriven_klar" }, when);

function stay(key: string, patient: number, kommun: number, vc: number | null, admittedAt: Date, steps: PlanStep[]): PlannedCase {
  return {
    key: `historik:test:${key}`,
    patient,
    hospital: 0,
    ward: 0,
    kommun,
    vc,
    admittedAt,
    steps: [send("ward", "samtycke", CONSENT, new Date(admittedAt.getTime() + 30 * 60_000)), ...steps],
  };
}

const CASES: PlannedCase[] = [
  // A: notice after 4 h; contact named; ready Wed 7 Oct, SIP called the next day; home Fri 9 Oct (2 days).
  stay("A", 0, 0, 0, at("2026-10-05", "10:00"), [
    notice(at("2026-10-05", "14:00")),
    send("vc", "svar_pa_inskrivning", { currentServices: "Inga", knownToUnit: true, fixedCareContactStaffId: FIXED_CARE_CONTACT }, at("2026-10-06", "09:00")),
    ready(at("2026-10-07", "10:00")),
    send(
      "vc",
      "kallelse_sip",
      { meetingAt: "2026-10-12T10:00:00+02:00", video: true, participants: ["Patienten"], consentStatus: "given" },
      at("2026-10-08", "10:00"),
    ),
    discharge(at("2026-10-09", "11:00")),
    close(at("2026-10-10", "09:00")),
  ]),
  // B: notice after 26 h (late); ready Thu 15 Oct 09:00; home Tue 20 Oct (5 days), the information the day after.
  // Payment (the law's default, 3 days): day 0 = 15 Oct, 16–18 free, 19 and 20 Oct are payment days.
  stay("B", 2, 0, null, at("2026-10-12", "08:00"), [
    notice(at("2026-10-13", "10:00")),
    ready(at("2026-10-15", "09:00")),
    discharge(at("2026-10-20", "12:00"), at("2026-10-21", "08:00")),
    close(at("2026-10-22", "09:00")),
  ]),
  // C: the vårdcentral never answers nor calls to SIP; home the day after ready (1 day).
  stay("C", 4, 0, 0, at("2026-10-14", "12:00"), [
    notice(at("2026-10-14", "18:00")),
    ready(at("2026-10-16", "10:00")),
    discharge(at("2026-10-17", "14:00")),
    close(at("2026-10-18", "09:00")),
  ]),
  // D (Nyköping): home the same day as ready (0 days).
  stay("D", 1, 1, null, at("2026-10-02", "09:00"), [
    notice(at("2026-10-02", "11:00")),
    ready(at("2026-10-05", "09:00")),
    discharge(at("2026-10-05", "16:00")),
    close(at("2026-10-06", "09:00")),
  ]),
];

describe("follow-up reports", () => {
  let t: TestDatabase;
  const as = castCallers(() => ({ db: t.db }));
  beforeAll(async () => {
    t = await createTestDatabase({ seeded: true });
    const resolved = await resolveRegion(t.db, HISTORY_REGIONS[0]!, new Date());
    await t.db.transaction((tx) => loadPlannedCases(tx, resolved, CASES));
  });
  afterAll(() => t.close());

  const october = { from: "2026-10", to: "2026-10" };

  it("the region's administrator sees the region's kommuner, with the figures worked by hand", async () => {
    const report = await (await as("asa.berg", "forvaltning")).reports.followUp({ dimension: "kommun", ...october });
    expect(report.scopeName).toBe("Region Sörmland");
    expect(report.byGroup.map((g) => [g.name, g.figures.discharged])).toEqual([
      ["Eskilstuna kommun", 3],
      ["Nyköpings kommun", 1],
    ]);
    const esk = report.byGroup[0]!.figures;
    expect(esk.admissionNoticeWithin24h).toEqual({ count: 2, of: 3, share: 2 / 3 });
    expect(esk.fixedCareContactBeforeDischarge).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(esk.sipCallWithin3Days).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(esk.informationByDischargeDay).toEqual({ count: 2, of: 3, share: 2 / 3 });
    expect(esk.sipCalled).toBe(1);
    expect(esk.sipWithFixedCareContact).toEqual({ count: 1, of: 1, share: 1 });
    // Days 2, 5, 1 → median 2; none the same day; two within three days.
    expect(esk.readyDays.median).toBe(2);
    expect(esk.readyDays.sameDay).toEqual({ count: 0, of: 3, share: 0 });
    expect(esk.readyDays.withinThreeDays).toEqual({ count: 2, of: 3, share: 2 / 3 });
    // The whole region in October: days 0, 1, 2, 5 → median 1.5.
    const oct = report.byMonth.find((m) => m.month === "2026-10")!.figures;
    expect(oct.discharged).toBe(4);
    expect(oct.readyDays.median).toBe(1.5);
    // Payment, from the same stored basis as the invoice: B's two days (19 and 20 Oct) for
    // Eskilstuna at the demo agreement's own 10 500 kr a day = 21 000 kr. Nyköping had a stay and
    // no payment day, so no row.
    expect(report.payment.map(({ municipality: _m, ...p }) => p)).toEqual([
      { municipalityName: "Eskilstuna kommun", month: "2026-10", paymentDays: 2, amountKr: 21_000 },
    ]);
  });

  it("a kommun's administrator sees only the kommun's stays; another region's administrator none of them", async () => {
    const tomas = await (await as("tomas.wik", "forvaltning")).reports.followUp({ dimension: "sjukhus", ...october });
    expect(tomas.scopeName).toBe("Eskilstuna kommun");
    expect(tomas.byMonth.find((m) => m.month === "2026-10")!.figures.discharged).toBe(3);
    expect(tomas.payment.map((p) => p.municipalityName)).toEqual(["Eskilstuna kommun"]);
    const byKommun = await (await as("tomas.wik", "forvaltning")).reports.followUp({ dimension: "kommun", ...october });
    expect(byKommun.byGroup.map((g) => g.name)).toEqual(["Eskilstuna kommun"]);
    const mats = await (await as("mats.wallin", "forvaltning")).reports.followUp({ dimension: "kommun", ...october });
    expect(mats.byMonth[0]!.figures.discharged).toBe(0);
    expect(mats.byGroup).toEqual([]);
  });

  it("no report row or CSV names a patient or a case, and each read is audited", async () => {
    const report = await (await as("asa.berg", "forvaltning")).reports.followUp({ dimension: "avdelning", ...october });
    const texts = [JSON.stringify(report), followUpCsv(report), paymentCsv(report)];
    const identities = await t.db.execute<{ v: string }>(sql`
      select p.identifier as v from patients p union all select p.given_name from patients p union all select p.family_name from patients p
      union all select c.reference from coordination_cases c union all select c.id::text from coordination_cases c union all select p.id::text from patients p`);
    expect(identities.rows.length).toBeGreaterThan(8);
    for (const text of texts) for (const { v } of identities.rows) expect(text.includes(v), v).toBe(false);
    const audited = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'report.read' and patient_id is null`);
    expect(audited.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("refuses a bad period in Swedish and roles without the action", async () => {
    await expect((await as("asa.berg", "forvaltning")).reports.followUp({ dimension: "kommun", from: "2026-11", to: "2026-10" })).rejects.toThrow(
      "Periodens första månad kan inte ligga efter den sista.",
    );
    await expect((await as("gunilla.rask", "kommun")).reports.followUp({ dimension: "kommun", ...october })).rejects.toThrow();
  });
});
