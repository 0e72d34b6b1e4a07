import { seededRandom } from "@vardkedjan/domain/random";
import { planStay, seedOf, type PlanStep } from "../history/plan";
import { AVD12_SHARE_OF_ESKILSTUNA, ESKILSTUNA_SHARE_OF_SORMLAND, type NationalUnits } from "./units";

/**
 * The national plan, one patient at a time: each patient has a seeded generator of their own, so
 * a batch of patients is planned alone (a resumed load plans the same stays) and every stay of a
 * patient follows the previous one's closure, as one open case per patient requires.
 *
 * Stays are the demo history's (planStay); the case stays open a while after the discharge for the
 * follow-up (up to four weeks, LOSUS's "samordning efter slutenvård"), which with admissions spread
 * over three years leaves about 2 % of the cases open at `now`. A stay that has not ended by `now`
 * has only the events up to `now`.
 */

const DAY = 86_400_000;
const YEARS = 3;

export interface NationalStay {
  /** Creation key: "nationell:<patient>:<stay>". */
  key: string;
  regionIndex: number;
  hospitalIndex: number;
  wardUnitId: string;
  kommunIndex: number;
  vcIndex: number | null;
  admittedAt: Date;
  steps: PlanStep[];
}

export interface NationalPatient {
  index: number;
  regionIndex: number;
  kommunIndex: number;
  stays: NationalStay[];
}

/** The patient's reservnummer: "NAT" and seven digits (never a personnummer, see the domain's RESERVE_NUMBER_PATTERN). */
export function nationalIdentifier(index: number): string {
  return `NAT${String(index).padStart(7, "0")}`;
}

export function planPatient(units: NationalUnits, index: number, now: Date): NationalPatient {
  const rnd = seededRandom(seedOf(`vardkedjan-nationell-${index}`));
  const pickIndex = (n: number) => Math.floor(rnd() * n);
  let r = rnd();
  let regionIndex = 0;
  while (regionIndex < units.regions.length - 1 && r >= units.regions[regionIndex]!.weight) r -= units.regions[regionIndex++]!.weight;
  const region = units.regions[regionIndex]!;
  const eskilstunaIndex = region.kommuner.findIndex((k) => k.unitId === units.eskilstuna);
  const kommunIndex =
    eskilstunaIndex >= 0 && region.kommuner.length > 1
      ? rnd() < ESKILSTUNA_SHARE_OF_SORMLAND
        ? eskilstunaIndex
        : (eskilstunaIndex + 1 + pickIndex(region.kommuner.length - 1)) % region.kommuner.length
      : pickIndex(region.kommuner.length);
  const vcIndex = region.vcs.length > 0 ? pickIndex(region.vcs.length) : null;
  const inEskilstuna = region.kommuner[kommunIndex]!.unitId === units.eskilstuna;

  const start = now.getTime() - YEARS * 365 * DAY;
  const stays: NationalStay[] = [];
  let admitted = start + rnd() * (now.getTime() - start);
  for (let n = 0; admitted < now.getTime(); n++) {
    // Admissions fall between 07 and 23 (UTC, as in the demo history), on the minute.
    const admittedAt = new Date(Math.round((Math.floor(admitted / DAY) * DAY + (6 + rnd() * 16) * 3_600_000) / 60_000) * 60_000);
    if (admittedAt.getTime() > now.getTime()) break;
    const stay = planStay(rnd, admittedAt.getTime(), vcIndex !== null);
    // The follow-up after discharge keeps the case open up to four more weeks.
    const close = stay.steps.find((s) => s.type === "send" && s.kind === "avslut")!.at.getTime();
    const extra = Math.round(rnd() * 28 * DAY);
    const steps = stay.steps
      .map((s) => (s.at.getTime() >= close ? { ...s, at: new Date(s.at.getTime() + extra) } : s))
      .filter((s) => s.at.getTime() <= now.getTime());
    let hospitalIndex: number;
    let wardUnitId: string;
    const avd12 = inEskilstuna && rnd() < AVD12_SHARE_OF_ESKILSTUNA ? findWard(region.hospitals, units.avd12) : null;
    if (avd12) [hospitalIndex, wardUnitId] = avd12;
    else {
      hospitalIndex = pickIndex(region.hospitals.length);
      const wards = region.hospitals[hospitalIndex]!.wards;
      wardUnitId = wards[pickIndex(wards.length)]!.unitId;
    }
    stays.push({
      key: `nationell:${index}:${n}`,
      regionIndex,
      hospitalIndex,
      wardUnitId,
      kommunIndex,
      vcIndex: stay.withVc ? vcIndex : null,
      admittedAt,
      steps,
    });
    const closedAt = stay.closedAt + extra;
    // One in six comes back within weeks of the closure, a third some months later, the rest not at all.
    const p = rnd();
    if (p < 1 / 6) admitted = closedAt + (1 + rnd() * 20) * DAY;
    else if (p < 0.5) admitted = closedAt + (60 + rnd() * 400) * DAY;
    else break;
  }
  return { index, regionIndex, kommunIndex, stays };
}

function findWard(hospitals: NationalUnits["regions"][number]["hospitals"], wardUnitId: string): [number, string] | null {
  const h = hospitals.findIndex((x) => x.wards.some((w) => w.unitId === wardUnitId));
  return h >= 0 ? [h, wardUnitId] : null;
}
