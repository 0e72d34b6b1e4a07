import { admissionNoticeDue } from "../clock/losus";
import { MUNICIPAL_PARTY_ROLES, OUTPATIENT_PARTY_ROLES } from "./party-role";
import type { CaseEvent, CaseFacts, CaseStage, CloseReason, PartyRole } from "./types";

/**
 * The case's state, derived from its messages (the events) and nothing else: the stage, the
 * times the clocks run from, and where each party stands. Pure and total: an odd history (from
 * an outage, a legacy import) gives a best reading, never an exception.
 *
 * Corrections (`correctsMessageId`): a correction replaces the VALUES of the message it corrects
 * (and of earlier corrections of it), never its TIME. The legal clocks run from when the original
 * was sent; a corrected admission notice with a new date changes the current estimated date only
 * if no later date change exists.
 */

/** Kommun-side parties (socialtjänst, kommunal HSL, hemtjänst). */
export const KOMMUN_SIDE_ROLES: readonly PartyRole[] = MUNICIPAL_PARTY_ROLES;
/** The region's öppenvård, which holds the fast vårdkontakt. */
export const REGION_OUTPATIENT_ROLES: readonly PartyRole[] = OUTPATIENT_PARTY_ROLES;
/** The parties that receive and answer the admission notice. */
export const RECEIVING_ROLES: readonly PartyRole[] = ["kommun", "vardcentral", "psykiatrisk_oppenvard", "hemsjukvard"];

export interface PartyState {
  unitId: string;
  role: PartyRole;
  /** The unit's organisation (the kommun of a kommun-side party), when the caller knows it. */
  organisationId: string | null;
  /** Not removed from the case. */
  active: boolean;
  /** When the party first got an admission notice. */
  admissionNoticeAt: Date | null;
  /** Svar på inskrivning. */
  answeredAt: Date | null;
  /** Avvisning. */
  rejectedAt: Date | null;
  rejectReason: string | null;
  fixedCareContactStaffId: string | null;
  /** false = "ej känd" hos enheten; null = not answered. */
  knownToUnit: boolean | null;
  /** Kommunklar; cleared by a later "inte längre utskrivningsklar". */
  kommunklarAt: Date | null;
  /** Latest Meddela beslut. */
  decisionsReportedAt: Date | null;
}

export interface ReadyPeriod {
  /** When the ward sent the ready-for-discharge notice (the payment clock starts here). */
  at: Date;
  /** The physician's decision, as recorded. */
  decidedAt: Date | null;
  decidedBy: string | null;
  withdrawnAt?: Date;
}

export interface DerivedCaseState {
  stage: CaseStage;
  admissionNoticeAt: Date | null;
  /** N5 deadline for the admission notice. */
  admissionNoticeDueAt: Date;
  /** "YYYY-MM-DD", from the admission notice or the latest change. */
  estimatedDischargeDate: string | null;
  /** The CURRENT ready notice: null after a withdrawal until a new notice. */
  readyForDischargeAt: Date | null;
  readyHistory: ReadyPeriod[];
  /** The agreed discharge time (Utskrivningsdatum); cleared by a withdrawal. */
  plannedDischargeAt: Date | null;
  transportBooked: boolean | null;
  dischargeNoticeAt: Date | null;
  dischargedAt: Date | null;
  parties: PartyState[];
  /** N14: a kommun-side party and a region öppenvård party take part (neither removed nor rejecting). */
  sipNeeded: boolean;
  /** The first kallelse till SIP at or after the current ready notice. */
  sipCalledAt: Date | null;
  /** The latest kallelse till SIP, whenever sent. */
  lastSipCallAt: Date | null;
  sipMeetingAt: Date | null;
  sipPlanAt: Date | null;
  /** Latest version of the planning basis; 0 = none sent. */
  planningVersion: number;
  planningUpdatedAt: Date | null;
  selfCareAssessedAt: Date | null;
  selfCareConfirmedAt: Date | null;
  closedAt: Date | null;
  closeReason: CloseReason | null;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const instant = (v: unknown): Date | null => {
  const s = str(v);
  if (s === null) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
};

/** Events in time order; equal times keep their list order. */
export function orderedEvents(events: readonly CaseEvent[]): CaseEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.occurredAt.getTime() - b.e.occurredAt.getTime() || a.i - b.i)
    .map(({ e }) => e);
}

/** The original (root) event id of a correction chain; the event's own id if it corrects nothing. */
function rootOf(event: CaseEvent, byId: Map<string, CaseEvent>): string {
  let current = event;
  const seen = new Set<string>();
  while (current.correctsMessageId && !seen.has(current.id)) {
    seen.add(current.id);
    const target = byId.get(current.correctsMessageId);
    if (!target || target.kind !== current.kind) break;
    current = target;
  }
  return current.id;
}

export function deriveCaseState(facts: CaseFacts): DerivedCaseState {
  const events = orderedEvents(facts.events);
  const byId = new Map(events.map((e) => [e.id, e]));

  // Effective payload per original: the latest correction's values.
  const effective = new Map<string, Record<string, unknown>>();
  const roots: CaseEvent[] = [];
  for (const e of events) {
    const root = rootOf(e, byId);
    if (root === e.id) roots.push(e);
    effective.set(root, e.payload);
  }

  const fold = startFold(facts);
  for (const e of roots) applyEvent(fold, e, effective.get(e.id) ?? e.payload);
  return finishFold(fold, facts, false);
}

/** The state being folded: everything but what finishFold derives from it at the end. */
interface Fold {
  s: Omit<DerivedCaseState, "stage" | "parties" | "sipNeeded" | "sipCalledAt">;
  parties: Map<string, PartyState>;
  sipCalls: Date[];
}

function startFold(facts: CaseFacts): Fold {
  const parties = new Map<string, PartyState>(
    facts.parties.map((p) => [
      p.unitId,
      {
        unitId: p.unitId,
        role: p.role,
        organisationId: p.organisationId ?? null,
        active: !p.removedAt,
        admissionNoticeAt: null,
        answeredAt: null,
        rejectedAt: null,
        rejectReason: null,
        fixedCareContactStaffId: null,
        knownToUnit: null,
        kommunklarAt: null,
        decisionsReportedAt: null,
      },
    ]),
  );

  const s: Fold["s"] = {
    admissionNoticeAt: null,
    admissionNoticeDueAt: admissionNoticeDue(facts.admittedAt, facts.needAssessedAt),
    estimatedDischargeDate: null,
    readyForDischargeAt: null,
    readyHistory: [],
    plannedDischargeAt: null,
    transportBooked: null,
    dischargeNoticeAt: null,
    dischargedAt: null,
    lastSipCallAt: null,
    sipMeetingAt: null,
    sipPlanAt: null,
    planningVersion: 0,
    planningUpdatedAt: null,
    selfCareAssessedAt: null,
    selfCareConfirmedAt: null,
    closedAt: null,
    closeReason: null,
  };
  return { s, parties, sipCalls: [] };
}

/** One original event (in time order) with its effective payload `p`. */
function applyEvent(fold: Fold, e: CaseEvent, p: Record<string, unknown>): void {
  const { s, parties, sipCalls } = fold;
  const at = e.occurredAt;
  const sender = parties.get(e.senderUnitId);
  const current = s.readyHistory.at(-1);
  const ready = current && !current.withdrawnAt ? current : null;

  switch (e.kind) {
    case "inskrivningsmeddelande":
      s.admissionNoticeAt ??= at;
      s.estimatedDischargeDate = str(p.estimatedDischargeDate) ?? s.estimatedDischargeDate;
      for (const id of e.recipientUnitIds) {
        const party = parties.get(id);
        if (party) party.admissionNoticeAt ??= at;
      }
      break;
    case "andrat_utskrivningsdatum":
      s.estimatedDischargeDate = str(p.estimatedDischargeDate) ?? s.estimatedDischargeDate;
      break;
    case "svar_pa_inskrivning":
      if (sender) {
        sender.answeredAt ??= at;
        sender.fixedCareContactStaffId = str(p.fixedCareContactStaffId) ?? sender.fixedCareContactStaffId;
        if (typeof p.knownToUnit === "boolean") sender.knownToUnit = p.knownToUnit;
      }
      break;
    case "avvisning":
      if (sender) {
        sender.rejectedAt ??= at;
        sender.rejectReason = str(p.reason);
      }
      break;
    case "planeringsunderlag":
      if (typeof p.version === "number") s.planningVersion = Math.max(s.planningVersion, p.version);
      s.planningUpdatedAt = at;
      break;
    case "meddela_beslut":
      if (sender) sender.decisionsReportedAt = at;
      break;
    case "egenvardsbedomning":
      if (sender?.role === "avdelning") s.selfCareAssessedAt = at;
      else if (p.confirmedGranted === true) s.selfCareConfirmedAt = at;
      break;
    case "kallelse_sip":
      sipCalls.push(at);
      s.lastSipCallAt = at;
      s.sipMeetingAt = instant(p.meetingAt) ?? s.sipMeetingAt;
      break;
    case "sip_plan":
      s.sipPlanAt = at;
      break;
    case "utskrivningsklar":
      // A second notice while one is current adds nothing (checkSend refuses it anyway).
      if (!ready) s.readyHistory.push({ at, decidedAt: instant(p.decidedAt), decidedBy: str(p.decidedBy) });
      break;
    case "ej_utskrivningsklar":
      if (ready) {
        ready.withdrawnAt = at;
        s.plannedDischargeAt = null;
        s.transportBooked = null;
        for (const party of parties.values()) party.kommunklarAt = null;
      }
      break;
    case "kommunklar":
      if (sender) sender.kommunklarAt ??= at;
      break;
    case "utskrivningsdatum":
      s.plannedDischargeAt = instant(p.dischargeAt) ?? s.plannedDischargeAt;
      s.transportBooked = typeof p.transportBooked === "boolean" ? p.transportBooked : null;
      break;
    case "utskrivningsmeddelande":
      s.dischargeNoticeAt ??= at;
      s.dischargedAt = instant(p.dischargedAt) ?? s.dischargedAt ?? at;
      break;
    case "avslut":
      s.closedAt ??= at;
      s.closeReason = (str(p.reason) as CloseReason | null) ?? s.closeReason;
      break;
    case "samtycke":
    case "generellt":
      break;
  }
}

/**
 * The state from the fold so far. `copy`: the fold goes on afterwards, so the parts it changes in
 * place (the parties, the ready periods) are handed out as copies.
 */
function finishFold(fold: Fold, facts: CaseFacts, copy: boolean): DerivedCaseState {
  const { s } = fold;
  const closedAt = s.closedAt ?? facts.closedAt ?? null;
  const last = s.readyHistory.at(-1);
  const readyForDischargeAt = last && !last.withdrawnAt ? last.at : null;
  const readyAt = readyForDischargeAt;
  const sipCalledAt = readyAt ? (fold.sipCalls.find((t) => t.getTime() >= readyAt.getTime()) ?? null) : null;

  const partyList = copy ? [...fold.parties.values()].map((p) => ({ ...p })) : [...fold.parties.values()];
  const taking = partyList.filter((p) => p.active && !p.rejectedAt);
  const sipNeeded = taking.some((p) => KOMMUN_SIDE_ROLES.includes(p.role)) && taking.some((p) => REGION_OUTPATIENT_ROLES.includes(p.role));

  const stage: CaseStage = closedAt
    ? "avslutad"
    : s.dischargeNoticeAt
      ? "utskriven"
      : readyForDischargeAt
        ? "utskrivningsklar"
        : s.admissionNoticeAt
          ? "planering"
          : "inskriven";

  // Every field written out (in deriveCaseState's order) rather than spread: this runs once per send in a bulk load.
  return {
    admissionNoticeAt: s.admissionNoticeAt,
    admissionNoticeDueAt: s.admissionNoticeDueAt,
    estimatedDischargeDate: s.estimatedDischargeDate,
    readyForDischargeAt,
    readyHistory: copy ? s.readyHistory.map((r) => ({ ...r })) : s.readyHistory,
    plannedDischargeAt: s.plannedDischargeAt,
    transportBooked: s.transportBooked,
    dischargeNoticeAt: s.dischargeNoticeAt,
    dischargedAt: s.dischargedAt,
    lastSipCallAt: s.lastSipCallAt,
    sipMeetingAt: s.sipMeetingAt,
    sipPlanAt: s.sipPlanAt,
    planningVersion: s.planningVersion,
    planningUpdatedAt: s.planningUpdatedAt,
    selfCareAssessedAt: s.selfCareAssessedAt,
    selfCareConfirmedAt: s.selfCareConfirmedAt,
    closedAt,
    closeReason: s.closeReason,
    stage,
    parties: partyList,
    sipNeeded,
    sipCalledAt,
  };
}

/** The party record of a unit, if it is (or was) a party of the case. */
export function partyState(state: DerivedCaseState, unitId: string): PartyState | undefined {
  return state.parties.find((p) => p.unitId === unitId);
}

/**
 * deriveCaseState for a case whose events arrive one at a time (a bulk loader replaying a
 * history, which checks every send against the state so far): each new event is folded into the
 * state kept from the last call instead of folding the whole history again. `current()` always
 * equals deriveCaseState(facts) of the facts as they are then (state.test.ts compares the two on
 * generated histories); the fold goes on from where it stopped only while that is certain:
 *
 * - the events folded so far are still the first ones of `facts.events` (an event log is only
 *   appended to), and each new one is no earlier than the last (so time order is list order),
 *   corrects nothing and has an id of its own (a correction changes the values of an earlier
 *   event);
 * - the parties, the admission and the need assessment are as they were.
 *
 * Otherwise it derives the whole state again, as deriveCaseState does.
 */
export class IncrementalCaseState {
  private fold!: Fold;
  private folded: CaseEvent[] = [];
  private ids = new Set<string>();
  private lastAt = -Infinity;
  private basis: Basis | null = null;

  constructor(private readonly facts: CaseFacts) {
    this.restart();
  }

  current(): DerivedCaseState {
    const { facts } = this;
    if (!sameBasis(this.basis, facts) || !this.stillFolded()) this.restart();
    for (let i = this.folded.length; i < facts.events.length; i++) {
      const e = facts.events[i]!;
      const t = e.occurredAt.getTime();
      if (e.correctsMessageId || !(t >= this.lastAt) || this.ids.has(e.id)) {
        // Not a plain append: the whole history again, and a fresh fold next time.
        this.basis = null;
        return deriveCaseState(facts);
      }
      applyEvent(this.fold, e, e.payload);
      this.folded.push(e);
      this.ids.add(e.id);
      this.lastAt = t;
    }
    return finishFold(this.fold, facts, true);
  }

  private stillFolded(): boolean {
    const events = this.facts.events;
    if (events.length < this.folded.length) return false;
    for (let i = 0; i < this.folded.length; i++) if (events[i] !== this.folded[i]) return false;
    return true;
  }

  private restart(): void {
    this.fold = startFold(this.facts);
    this.folded = [];
    this.ids = new Set();
    this.lastAt = -Infinity;
    this.basis = basisOf(this.facts);
  }
}

/** What the fold starts from besides the events: the parties, the admission and the need assessment. */
interface Basis {
  admittedAt: number;
  needAssessedAt: number | null;
  parties: { unitId: string; role: PartyRole; removed: boolean; organisationId: string | null }[];
}

function basisOf(facts: CaseFacts): Basis {
  return {
    admittedAt: facts.admittedAt.getTime(),
    needAssessedAt: facts.needAssessedAt?.getTime() ?? null,
    parties: facts.parties.map((p) => ({ unitId: p.unitId, role: p.role, removed: !!p.removedAt, organisationId: p.organisationId ?? null })),
  };
}

function sameBasis(b: Basis | null, facts: CaseFacts): boolean {
  if (!b || !Object.is(b.admittedAt, facts.admittedAt.getTime()) || !Object.is(b.needAssessedAt, facts.needAssessedAt?.getTime() ?? null)) return false;
  if (b.parties.length !== facts.parties.length) return false;
  for (let i = 0; i < b.parties.length; i++) {
    const x = b.parties[i]!;
    const p = facts.parties[i]!;
    if (x.unitId !== p.unitId || x.role !== p.role || x.removed !== !!p.removedAt || x.organisationId !== (p.organisationId ?? null)) return false;
  }
  return true;
}
