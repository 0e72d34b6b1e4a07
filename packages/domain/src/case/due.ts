import { stockholmDate, stockholmDayEnd, stockholmInstant } from "../time/stockholm";
import { dischargeInformationDue, fixedCareContactDue, sipCallDue, daysSinceReady } from "../clock/losus";
import { LAW_DEFAULT_MODEL } from "../payment/agreement";
import { computeCasePayment } from "../payment/engine";
import { paymentInputFromCase } from "../payment/from-case";
import { currentConsent } from "./consent";
import { PARTY_ROLE_LABELS } from "./labels";
import { deriveCaseState, partyState, KOMMUN_SIDE_ROLES, REGION_OUTPATIENT_ROLES, type DerivedCaseState, type PartyState } from "./state";
import type { CaseFacts, MessageKind, PartyRole } from "./types";

export { MESSAGE_KIND_LABELS, STAGE_LABELS, stageLabel } from "./labels";

/**
 * What is due now in a case, for one party ("Min arbetsyta"), and when. Legal deadlines come
 * from the clocks (clock/losus.ts); the rest are the process's next steps without a legal
 * time (dueAt null). Severity: "legal" = a LOSUS deadline or the payment clock; "normal" = a
 * step of the process; "info" = a reminder.
 */

export type DueSeverity = "info" | "normal" | "legal";

/**
 * How a due step is timed, as the worklist sets them apart: "lag" a deadline of the law (LOSUS,
 * or the payment clock of LOSUS 5 kap.), "mal" a time the region has set itself (a product or
 * agreement setting, e.g. answering the admission notice by the fast vårdkontakt's date),
 * "kvittens" an acknowledgement ("kvittera omgående"), "ingen" a step without a time. Only a
 * missed "lag" is shown as late (red): staff learn to ignore red that means less.
 */
export const DEADLINE_KINDS = ["lag", "mal", "kvittens", "ingen"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  lag: "Lagstadgad tidsgräns",
  mal: "Regionens mål",
  kvittens: "Kvittens",
  ingen: "Utan tidsgräns",
};

export const DUE_STEP_CODES = [
  "dokumentera_samtycke",
  "skicka_inskrivningsmeddelande",
  "uppdatera_beraknat_datum",
  "hantera_avvisning",
  "ny_utskrivningsklar",
  "bestam_utskrivningsdatum",
  "skicka_utskrivningsmeddelande",
  "avsluta_arende",
  "kvittera",
  "svara_pa_inskrivning",
  "utse_fast_vardkontakt",
  "meddela_beslut",
  "bekrafta_egenvard",
  "meddela_kommunklar",
  "meddela_redo",
  "kalla_till_sip",
] as const;
export type DueStepCode = (typeof DUE_STEP_CODES)[number];

export interface DueStep {
  step: DueStepCode;
  /** Swedish, imperative: "Skicka inskrivningsmeddelande". */
  label: string;
  dueAt: Date | null;
  /** now > dueAt */
  overdue: boolean;
  severity: DueSeverity;
  deadline: DeadlineKind;
  /** A stable id of the rule behind it, e.g. "N5" (the admission notice within 24 h); never shown. */
  rule?: string;
  /** The message that completes the step, for the UI to open its form. */
  kind?: MessageKind;
}

export type Perspective = PartyRole | "sjukhus";

export interface DueOptions {
  /** The party's unit, when the case has several parties of the perspective's role. */
  unitId?: string;
  /** Messages to the unit not yet acknowledged (kvittens is stored beside the case, not in it). */
  unacknowledgedMessageIds?: readonly string[];
  /**
   * When payment responsibility starts, as the payment engine computed it under the case's
   * agreement (the services pass the stored result); null: it cannot start (a precondition is
   * missing, the stay is excluded), so "meddela kommunklar" has no deadline. Omitted: the engine
   * under the law's default (three calendar days after the notice day).
   */
  paymentLiabilityFrom?: Date | null;
}

/** A product setting, not law: "kvittera omgående" read as within 24 hours of arrival. */
export const ACK_DUE_HOURS = 24;

const SEVERITY_RANK: Record<DueSeverity, number> = { legal: 0, normal: 1, info: 2 };

export function dueSteps(facts: CaseFacts, perspective: Perspective, now: Date, options: DueOptions = {}): DueStep[] {
  const state = deriveCaseState(facts);
  const make = (step: DueStepCode, label: string, dueAt: Date | null, severity: DueSeverity, extra: Pick<DueStep, "rule" | "kind"> = {}): DueStep => ({
    step,
    label,
    dueAt,
    overdue: dueAt !== null && now.getTime() > dueAt.getTime(),
    severity,
    deadline: deadlineKind(step, dueAt, severity),
    ...extra,
  });

  const steps: DueStep[] = [];
  const ack = acknowledgementStep(facts, options.unacknowledgedMessageIds, make);
  if (ack) steps.push(ack);

  if (state.stage !== "avslutad") {
    if (perspective === "sjukhus" || perspective === "avdelning") steps.push(...wardSteps(facts, state, now, make));
    else {
      const party = options.unitId ? partyState(state, options.unitId) : state.parties.find((p) => p.role === perspective && p.active);
      if (party?.active && party.role === perspective && !party.rejectedAt) {
        const withLiability =
          options.paymentLiabilityFrom !== undefined || state.stage !== "utskrivningsklar"
            ? options
            : { ...options, paymentLiabilityFrom: lawDefaultLiability(facts, now) };
        steps.push(...partySteps(state, party, now, withLiability, make));
      }
    }
  }

  return steps.sort((a, b) => {
    const ta = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const tb = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
    return ta - tb || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  });
}

function deadlineKind(step: DueStepCode, dueAt: Date | null, severity: DueSeverity): DeadlineKind {
  if (step === "kvittera") return "kvittens";
  if (dueAt === null) return "ingen";
  return severity === "legal" ? "lag" : "mal";
}

/** The payment engine under the law's default, for a caller that did not pass the case's own result. */
function lawDefaultLiability(facts: CaseFacts, now: Date): Date | null {
  return computeCasePayment(paymentInputFromCase("", facts), LAW_DEFAULT_MODEL, { asOf: now, amounts: [] }).liabilityFrom;
}

type Make = (step: DueStepCode, label: string, dueAt: Date | null, severity: DueSeverity, extra?: Pick<DueStep, "rule" | "kind">) => DueStep;

function acknowledgementStep(facts: CaseFacts, ids: readonly string[] | undefined, make: Make): DueStep | null {
  if (!ids || ids.length === 0) return null;
  const wanted = new Set(ids);
  const times = facts.events.filter((e) => wanted.has(e.id)).map((e) => e.occurredAt.getTime());
  const count = times.length || wanted.size;
  const earliest = times.length > 0 ? Math.min(...times) : null;
  return make(
    "kvittera",
    count === 1 ? "Kvittera 1 meddelande" : `Kvittera ${count} meddelanden`,
    earliest === null ? null : new Date(earliest + ACK_DUE_HOURS * 3_600_000),
    "normal",
  );
}

function wardSteps(facts: CaseFacts, state: DerivedCaseState, now: Date, make: Make): DueStep[] {
  const steps: DueStep[] = [];
  const noConsentDocumented =
    !currentConsent(facts.consents, "informationsoverforing_kommun") && !currentConsent(facts.consents, "informationsoverforing_vardcentral");

  if (state.stage === "inskriven") {
    steps.push(
      make("skicka_inskrivningsmeddelande", "Skicka inskrivningsmeddelande", state.admissionNoticeDueAt, "legal", {
        rule: "N5",
        kind: "inskrivningsmeddelande",
      }),
    );
    if (noConsentDocumented) {
      steps.push(
        make("dokumentera_samtycke", "Dokumentera samtycke före inskrivningsmeddelandet", state.admissionNoticeDueAt, "normal", {
          rule: "N26",
          kind: "samtycke",
        }),
      );
    }
    return steps;
  }
  if (noConsentDocumented && state.stage !== "utskriven") {
    steps.push(make("dokumentera_samtycke", "Dokumentera samtycke", null, "info", { rule: "N26", kind: "samtycke" }));
  }

  for (const party of state.parties.filter((p) => p.active && p.rejectedAt)) {
    steps.push(make("hantera_avvisning", `Hantera avvisningen från ${PARTY_ROLE_LABELS[party.role].definite}`, null, "normal"));
  }

  if (state.stage === "planering" || state.stage === "utskrivningsklar") {
    const estimated = state.estimatedDischargeDate;
    if (estimated && estimated < stockholmDate(now)) {
      steps.push(
        make("uppdatera_beraknat_datum", "Uppdatera beräknat utskrivningsdatum", stockholmDayEnd(stockholmInstant(estimated)), "normal", {
          rule: "N8",
          kind: "andrat_utskrivningsdatum",
        }),
      );
    }
  }

  if (state.stage === "planering" && state.readyHistory.at(-1)?.withdrawnAt) {
    steps.push(
      make("ny_utskrivningsklar", "Skicka ny underrättelse när patienten åter är utskrivningsklar", null, "info", {
        rule: "N12",
        kind: "utskrivningsklar",
      }),
    );
  }

  if (state.stage === "utskrivningsklar") {
    if (!state.plannedDischargeAt) {
      steps.push(make("bestam_utskrivningsdatum", "Bestäm utskrivningsdatum", null, "normal", { kind: "utskrivningsdatum" }));
    }
    // Never from the estimated date: a stale estimate would show a patient still in hospital as overdue.
    const dueAt = dischargeInformationDue({ actualAt: state.dischargedAt, agreedAt: state.plannedDischargeAt });
    steps.push(
      make("skicka_utskrivningsmeddelande", "Skicka utskrivningsmeddelande", dueAt, dueAt ? "legal" : "normal", {
        rule: "N13",
        kind: "utskrivningsmeddelande",
      }),
    );
  }

  if (state.stage === "utskriven") {
    steps.push(make("avsluta_arende", "Avsluta ärendet när samordningen är klar", null, "info", { kind: "avslut" }));
  }
  return steps;
}

function partySteps(state: DerivedCaseState, party: PartyState, now: Date, options: DueOptions, make: Make): DueStep[] {
  const steps: DueStep[] = [];
  const outpatient = REGION_OUTPATIENT_ROLES.includes(party.role);
  const kommunSide = KOMMUN_SIDE_ROLES.includes(party.role);
  if (party.role === "hemtjanst") return steps;

  const planning = state.stage === "planering" || state.stage === "utskrivningsklar";
  const dischargeDate = state.dischargedAt ?? state.plannedDischargeAt ?? state.estimatedDischargeDate;

  if (party.admissionNoticeAt && !party.answeredAt) {
    if (outpatient) {
      steps.push(
        make(
          "utse_fast_vardkontakt",
          "Utse fast vårdkontakt och svara på inskrivningsmeddelandet",
          dischargeDate ? fixedCareContactDue(dischargeDate) : null,
          "legal",
          {
            rule: "N10",
            kind: "svar_pa_inskrivning",
          },
        ),
      );
    } else {
      steps.push(
        make("svara_pa_inskrivning", "Svara på inskrivningsmeddelandet", dischargeDate ? fixedCareContactDue(dischargeDate) : null, "normal", {
          rule: "N9",
          kind: "svar_pa_inskrivning",
        }),
      );
    }
  }

  if (outpatient && state.sipNeeded && state.readyForDischargeAt && !state.sipCalledAt) {
    steps.push(
      make("kalla_till_sip", "Kalla till SIP", sipCallDue(state.readyForDischargeAt), "legal", {
        rule: "N15",
        kind: "kallelse_sip",
      }),
    );
  }

  if (party.role === "kommun" && planning && party.answeredAt && !party.decisionsReportedAt) {
    steps.push(make("meddela_beslut", "Meddela beslut om insatser", null, "info", { kind: "meddela_beslut" }));
  }
  if (party.role === "kommun" && planning && state.selfCareAssessedAt && !state.selfCareConfirmedAt) {
    steps.push(
      make("bekrafta_egenvard", "Bekräfta beviljade insatser efter egenvårdsbedömningen", null, "normal", {
        kind: "egenvardsbedomning",
      }),
    );
  }

  if (state.stage === "utskrivningsklar" && state.readyForDischargeAt && !readyStatementGiven(state, party)) {
    if (kommunSide) {
      const day = daysSinceReady(state.readyForDischargeAt, now);
      const liability = options.paymentLiabilityFrom;
      steps.push(
        make("meddela_kommunklar", `Meddela kommunklar (dag ${day} efter utskrivningsklar)`, liability ? new Date(liability.getTime() - 1) : null, "legal", {
          rule: "N19",
          kind: "kommunklar",
        }),
      );
    } else {
      steps.push(
        make("meddela_redo", `Meddela att ${PARTY_ROLE_LABELS[party.role].definite} är redo att ta emot patienten`, null, "normal", { kind: "kommunklar" }),
      );
    }
  }
  return steps;
}

/**
 * Kommunklar is the kommun's single statement that it is ready to receive the patient, whichever
 * of its units sends it (biståndsenheten usually): once one kommun-side unit of the kommun has
 * sent it, none of the kommun's other units (hemsjukvård, hemtjänst) still owes it. The region's
 * öppenvård answers for itself ("redo att ta emot").
 */
function readyStatementGiven(state: DerivedCaseState, party: PartyState): boolean {
  if (party.kommunklarAt) return true;
  if (!KOMMUN_SIDE_ROLES.includes(party.role)) return false;
  return state.parties.some((p) => p.active && !p.rejectedAt && p.kommunklarAt !== null && KOMMUN_SIDE_ROLES.includes(p.role) && sameOrganisation(p, party));
}

/** Units of one organisation; a party whose organisation is not known is taken to be of the case's one kommun. */
function sameOrganisation(a: PartyState, b: PartyState): boolean {
  return !a.organisationId || !b.organisationId || a.organisationId === b.organisationId;
}

/** A due step as stored on the party row for the worklist: the code, its time and how it is timed. */
export interface StoredDueStep {
  step: DueStepCode;
  dueAt: string | null;
  deadline: DeadlineKind;
}

export interface PartyDueSummary {
  /** Every due step, earliest first (the worklist shows them all). */
  steps: StoredDueStep[];
  /**
   * The worklist's default order: the earliest deadline that is not an acknowledgement (law or the
   * region's target), else the earliest acknowledgement; an unacknowledged message no longer
   * hides a legal deadline behind it.
   */
  sortAt: Date | null;
  sortStep: DueStepCode | null;
  /** The earliest deadline of the law, for the row's red mark. */
  legalDueAt: Date | null;
}

export function summariseDue(steps: readonly DueStep[]): PartyDueSummary {
  const dated = steps.filter((s) => s.dueAt !== null).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
  const first = dated.find((s) => s.deadline !== "kvittens") ?? dated[0] ?? steps.find((s) => s.deadline !== "kvittens") ?? steps[0] ?? null;
  const legal = dated.find((s) => s.deadline === "lag") ?? null;
  return {
    steps: steps.map((s) => ({ step: s.step, dueAt: s.dueAt?.toISOString() ?? null, deadline: s.deadline })),
    sortAt: first?.dueAt ?? null,
    sortStep: first?.step ?? null,
    legalDueAt: legal?.dueAt ?? null,
  };
}

/** Red on the worklist: a deadline of the law has passed. A missed target or acknowledgement is not red. */
export function missedLegalDeadline(step: Pick<StoredDueStep, "dueAt" | "deadline">, now: Date): boolean {
  return step.deadline === "lag" && step.dueAt !== null && new Date(step.dueAt).getTime() < now.getTime();
}

const NO_DEADLINE = 8.64e15 + 1;
const NOTHING_DUE = 8.64e15 + 2;

/**
 * A number to sort a worklist by "what is due first", ascending: the earliest deadline of the
 * party's steps (an overdue deadline is earlier than any pending one, so overdue cases come
 * first); then cases with steps but no deadline; then cases with nothing to do.
 */
export function worklistSortKey(facts: CaseFacts, perspective: Perspective, now: Date, options: DueOptions = {}): number {
  const steps = dueSteps(facts, perspective, now, options);
  const dated = steps.filter((s) => s.dueAt !== null).map((s) => (s.dueAt as Date).getTime());
  if (dated.length > 0) return Math.min(...dated);
  return steps.length > 0 ? NO_DEADLINE : NOTHING_DUE;
}
