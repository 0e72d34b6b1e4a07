import type { MessageKind } from "@vardkedjan/domain/case/types";
import type { SendConfirmation } from "@vardkedjan/domain/case/send-warnings";
import { seededRandom } from "@vardkedjan/domain/random";

/**
 * A year of finished stays for the demo, as a plan of events: who did what when, in each case.
 * Pure and deterministic (a seeded generator and a fixed "now"), so the same plan can be run
 * through the services (the equivalence test) or written in bulk (load.ts) with the same result.
 *
 * The timings are invented but shaped like the follow-up the regions describe: the admission
 * notice mostly within 24 hours and some late; most patients discharged within a few days of the
 * ready-for-discharge notice, a few long stays; the fast vårdkontakt mostly named before discharge;
 * SIP called in a share of the cases, mostly within three days; some readmissions within 30 days;
 * every message acknowledged.
 */

export type PlanParty = "ward" | "kommun" | "vc";

/** Stands in a planned payload for the vårdcentral's own person, named as fast vårdkontakt (resolved when run). */
export const FIXED_CARE_CONTACT = "$fast-vardkontakt";

export type PlanStep =
  | {
      type: "send";
      by: PlanParty;
      kind: MessageKind;
      payload: Record<string, unknown>;
      at: Date;
      /** Given with every discharge notice; used (and stored) only when the send breaks the law's order. */
      confirmation?: SendConfirmation;
    }
  | { type: "ack"; by: PlanParty; at: Date };

/** The ward's reason, in the demo history, for discharging before the vårdcentral has done its part. */
export const HISTORY_DISCHARGE_REASON = "Patienten är utskrivningsklar och vill hem; vårdcentralen är informerad per telefon";

export interface PlannedCase {
  /** The case's creation key (idempotency): "historik:<region>:<n>". */
  key: string;
  /** Index into the region's patients. */
  patient: number;
  /** Indexes into the region's hospitals (and that hospital's wards), kommuner and vårdcentraler. */
  hospital: number;
  ward: number;
  kommun: number;
  /** null: no vårdcentral takes part. */
  vc: number | null;
  admittedAt: Date;
  steps: PlanStep[];
}

export interface PlanShape {
  /** The region's code in keys ("srm"). */
  code: string;
  /** How many patients the region's history has (reserve numbers, see patients.ts). */
  patients: number;
  /** Wards per hospital. */
  wardsPerHospital: number[];
  kommuner: number;
  vcs: number;
  /** Roughly how many stays per month. */
  staysPerMonth: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/**
 * Days from ready-for-discharge to discharge: a fifth the same day, most within three days,
 * some a week or two, a few over a month (weights per bucket, then uniform inside it).
 */
const READY_DAYS: [number, number, number][] = [
  [0.2, 0, 0],
  [0.25, 1, 1],
  [0.18, 2, 2],
  [0.12, 3, 3],
  [0.15, 4, 7],
  [0.07, 8, 14],
  [0.02, 15, 30],
  [0.01, 31, 45],
];

/**
 * The plan for one region: stays from twelve months before `now` until a few days before it, every
 * one closed. A patient's next stay starts after the previous one ended; about one in eight comes
 * back within 30 days.
 */
export function planRegionHistory(shape: PlanShape, now: Date): PlannedCase[] {
  const rnd = seededRandom(seedOf(`vardkedjan-historik-${shape.code}`));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  // Whole minutes: times look like times people type.
  const minute = (t: number) => new Date(Math.round(t / 60_000) * 60_000);

  const start = now.getTime() - 365 * DAY;
  const latestClose = now.getTime() - 2 * DAY;
  const target = Math.round(shape.staysPerMonth * 12);
  const cases: PlannedCase[] = [];
  const patientFree = new Array<number>(shape.patients).fill(start);
  const hospitals = shape.wardsPerHospital.map((_, i) => i);

  for (let n = 0; n < target * 3 && cases.length < target; n++) {
    const patient = n % shape.patients;
    const earliest = patientFree[patient]!;
    const readmit = earliest > start && rnd() < 0.12;
    const admitted = readmit ? earliest + between(4, 28) * DAY : Math.max(earliest, start) + between(0, 365) * DAY * (earliest === start ? 1 : 0.5);
    // Admissions fall between 07 and 23.
    const admittedAt = minute(Math.floor(admitted / DAY) * DAY + between(6, 22) * HOUR);
    const plan = planStay(rnd, admittedAt.getTime(), shape.vcs > 0);
    if (plan.closedAt > latestClose) continue;
    patientFree[patient] = plan.dischargedAt;
    const hospital = pick(hospitals);
    cases.push({
      key: `historik:${shape.code}:${cases.length}`,
      patient,
      hospital,
      ward: int(0, shape.wardsPerHospital[hospital]! - 1),
      // The patient's folkbokföringskommun and listing stay the same across stays.
      kommun: patient % shape.kommuner,
      vc: plan.withVc ? patient % shape.vcs : null,
      admittedAt,
      steps: plan.steps,
    });
  }
  return cases.sort((a, b) => a.admittedAt.getTime() - b.admittedAt.getTime()).map((c, i) => ({ ...c, key: `historik:${shape.code}:${i}` }));
}

/**
 * One stay's events from its admission on: consent, the admission notice and the answers, the
 * planning basis, ready for discharge, SIP in some, kommunklar, the discharge and the closure,
 * every message acknowledged. Shared by the demo's year of history and the national data
 * (seed/national), so both draw stays of the same shape.
 */
export function planStay(rnd: () => number, admitted: number, hasVcs: boolean): { steps: PlanStep[]; dischargedAt: number; closedAt: number; withVc: boolean } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const minute = (t: number) => new Date(Math.round(t / 60_000) * 60_000);
  const steps: PlanStep[] = [];
  const withVc = hasVcs && rnd() < 0.75;
  const send = (by: PlanParty, kind: MessageKind, payload: Record<string, unknown>, at: number) =>
    steps.push({
      type: "send",
      by,
      kind,
      payload,
      at: minute(at),
      ...(kind === "utskrivningsmeddelande" ? { confirmation: { confirmed: true, reason: HISTORY_DISCHARGE_REASON } } : {}),
    });
  // Every recipient acknowledges within hours (kvittens).
  const ackAll = (after: number, sender: PlanParty = "ward") => {
    if (sender !== "kommun") steps.push({ type: "ack", by: "kommun", at: minute(after + between(0.3, 6) * HOUR) });
    if (withVc && sender !== "vc") steps.push({ type: "ack", by: "vc", at: minute(after + between(0.3, 8) * HOUR) });
    if (sender !== "ward") steps.push({ type: "ack", by: "ward", at: minute(after + between(0.2, 4) * HOUR) });
  };

  const consentAt = admitted + between(0.3, 3) * HOUR;
  send(
    "ward",
    "samtycke",
    {
      consents: [
        { kind: "informationsoverforing_kommun", given: true },
        { kind: "informationsoverforing_vardcentral", given: true },
        { kind: "npo", given: true },
        { kind: "sip", given: true },
      ],
    },
    consentAt,
  );
  // Nine in ten notices within the 24 hours; the rest a day or two late.
  const noticeAt = rnd() < 0.9 ? Math.max(consentAt + 0.2 * HOUR, admitted + between(1, 22) * HOUR) : admitted + between(25, 60) * HOUR;
  const stayDays = int(2, 9);
  const readyAt = Math.max(noticeAt + 20 * HOUR, admitted + stayDays * DAY + between(-4, 4) * HOUR);
  const estimated = new Date(admitted + (stayDays + 1) * DAY).toISOString().slice(0, 10);
  send("ward", "inskrivningsmeddelande", { estimatedDischargeDate: estimated }, noticeAt);
  ackAll(noticeAt);
  const kommunAnswer = noticeAt + between(1, 20) * HOUR;
  send("kommun", "svar_pa_inskrivning", { currentServices: pick(SERVICES), knownToUnit: rnd() < 0.8 }, kommunAnswer);
  ackAll(kommunAnswer, "kommun");
  // The vårdcentral names the fast vårdkontakt, mostly before the patient is ready; one in eight never answers.
  const vcAnswers = withVc && rnd() < 0.88;
  if (vcAnswers) {
    const vcAnswer = noticeAt + between(2, 40) * HOUR;
    send(
      "vc",
      "svar_pa_inskrivning",
      { currentServices: "Listad, regelbundna besök", knownToUnit: true, fixedCareContactStaffId: FIXED_CARE_CONTACT },
      vcAnswer,
    );
    ackAll(vcAnswer, "vc");
  }
  const planningAt = noticeAt + between(3, 18) * HOUR;
  send("ward", "planeringsunderlag", { version: 1, needs: pick(NEEDS), track: pick(["gron", "gul", "rod"] as const) }, planningAt);
  ackAll(planningAt);

  const [, lo, hi] = weighted(rnd, READY_DAYS);
  const readyDays = int(lo, hi);
  const readyNotice = readyDays === 0 ? Math.floor(readyAt / DAY) * DAY + between(7, 10) * HOUR : readyAt;
  send(
    "ward",
    "utskrivningsklar",
    { decidedAt: new Date(minute(readyNotice - between(0.2, 2) * HOUR)).toISOString(), decidedBy: pick(PHYSICIANS) },
    readyNotice,
  );
  ackAll(readyNotice);

  const dischargedAt = Math.floor(readyNotice / DAY) * DAY + readyDays * DAY + between(11, 16) * HOUR;
  const discharge = Math.max(dischargedAt, readyNotice + 2 * HOUR);
  // SIP: called in about half the cases where one is needed, mostly within three days.
  if (vcAnswers && rnd() < 0.5) {
    const sipAt = readyNotice + (rnd() < 0.8 ? between(1, 60) : between(80, 140)) * HOUR;
    if (sipAt < discharge - HOUR) {
      send(
        "vc",
        "kallelse_sip",
        {
          meetingAt: new Date(minute(sipAt + between(2, 6) * DAY)).toISOString(),
          video: rnd() < 0.4,
          place: "Vårdcentralen",
          participants: ["Patienten", "Fast vårdkontakt", "Biståndshandläggare"],
          consentStatus: "given",
        },
        sipAt,
      );
      ackAll(sipAt, "vc");
    }
  }
  const kommunklarAt = Math.min(discharge - 0.5 * HOUR, readyNotice + between(0.5, Math.max(1, readyDays * 24 - 2)) * HOUR);
  send("kommun", "kommunklar", { ready: true }, kommunklarAt);
  ackAll(kommunklarAt, "kommun");
  // The utskrivningsmeddelande goes the same day, now and then not until the next morning.
  const informedAt = rnd() < 0.95 ? discharge + between(0, 0.5) * HOUR : Math.floor(discharge / DAY) * DAY + DAY + between(8, 10) * HOUR;
  send(
    "ward",
    "utskrivningsmeddelande",
    { dischargedAt: new Date(minute(discharge)).toISOString(), dischargePlan: pick(PLANS), medicationList: "Enligt bifogad läkemedelslista" },
    informedAt,
  );
  ackAll(informedAt);
  const closedAt = informedAt + between(1, 3) * DAY;
  send("ward", "avslut", { reason: "utskriven_klar" }, closedAt);
  ackAll(closedAt);
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { steps, dischargedAt: discharge, closedAt: Math.max(...steps.map((x) => x.at.getTime())), withVc };
}

function weighted<T extends [number, ...unknown[]]>(rnd: () => number, list: readonly T[]): T {
  let r = rnd();
  for (const item of list) {
    if (r < item[0]) return item;
    r -= item[0];
  }
  return list.at(-1)!;
}

const SERVICES = ["Inga insatser", "Hemtjänst morgon och kväll", "Trygghetslarm", "Hemtjänst fyra gånger dagligen", "Matdistribution"];
const NEEDS = ["Stöd vid personlig hygien", "Hjälp med läkemedel", "Tillsyn nattetid", "Stöd vid förflyttning", "Hjälp med måltider"];
const PLANS = ["Hem med befintliga insatser.", "Hem med utökad hemtjänst.", "Korttidsplats i väntan på bedömning.", "Hem, uppföljning på vårdcentralen."];
const PHYSICIANS = ["Dr Lisa Läkare", "Dr Ahmed Rahimi", "Dr Karin Öberg", "Dr Per Lindahl"];
