import { MESSAGE_KIND_LABELS } from "./labels";
import { parseMessagePayload, type MessagePayload } from "./payloads";
import { payloadRefusal, refuse, stateRefusal, the, type RuleContext, type SendRefusal } from "./send-rules";
import { preflightWarnings } from "./send-warnings";
import { deriveCaseState, partyState, RECEIVING_ROLES, type DerivedCaseState, type PartyState } from "./state";
import { PARTY_ROLES, type CaseFacts, type CaseStage, type MessageKind, type PartyRole } from "./types";

export { deriveCaseState, type DerivedCaseState };
export { SEND_REFUSAL_CODES, type SendRefusal, type SendRefusalCode } from "./send-rules";

/**
 * The state machine of a case: who may send which message, to whom, in which order
 * (the process under LOSUS). `checkSend` is the one gate the API calls before
 * it stores a message; it never throws, and says why in Swedish.
 *
 * A correction (`correctsMessageId`) must refer to an earlier message of the same kind from the
 * same unit. It passes the same checks as a new message (open case, sender, recipients, payload)
 * except the order rules (stage, "once per party"): it restates what was already sent.
 */

export interface SendAttempt<K extends MessageKind = MessageKind> {
  kind: K;
  /** The unit sending; must be an active party of the case with `senderRole`. */
  senderUnitId: string;
  senderRole: PartyRole;
  /** The recipient units; their roles are read from the case's parties. */
  recipientUnitIds: readonly string[];
  /** The form, unvalidated: it is validated here with the kind's schema. */
  payload: unknown;
  correctsMessageId?: string | null;
  /** The send time (the event's occurredAt): enables the deadline warnings and future-time checks. */
  at?: Date;
  /**
   * "efterregistrering": registering what happened during an outage (Region Västernorrland, Avbrottsrutin Lifecare SP). Ready notices
   * are not after-registered, so a discharge notice is accepted without one; deadline warnings
   * are left out.
   */
  mode?: "normal" | "efterregistrering";
}

export type SendCheck<K extends MessageKind = MessageKind> =
  | {
      ok: true;
      payload: MessagePayload<K>;
      /** Swedish; the send goes ahead */ warnings: string[];
      /** Those of the warnings that break the law's order: the send needs a confirmation with a reason (send-warnings.ts). */
      toConfirm: string[];
    }
  | SendRefusal;

const WARD: readonly PartyRole[] = ["avdelning"];
const ALL: readonly PartyRole[] = PARTY_ROLES;
/** Everyone but hemtjänst, which never handles planning content. */
const NOT_HEMTJANST: readonly PartyRole[] = ALL.filter((r) => r !== "hemtjanst");

/*
 * Recipients are restricted by role only where the message is meant for one kind of unit
 * (home-care assignments, self-care assessments, answers to the ward). Planning content may be
 * addressed to hemtjänst along with everyone else: visibility.ts keeps it from hemtjänst's eyes.
 */
interface KindRule {
  senders: readonly PartyRole[];
  /** Allowed recipient roles; absent = any party. */
  recipients?: readonly PartyRole[];
  /** At least one recipient must have one of these roles. */
  mustReach?: readonly PartyRole[];
  /** May be sent with no recipient (recorded in the case only). */
  recipientsOptional?: boolean;
}

const KIND_RULES: Record<MessageKind, KindRule> = {
  samtycke: { senders: ["avdelning", "kommun", "hemsjukvard"], recipientsOptional: true },
  inskrivningsmeddelande: { senders: WARD },
  andrat_utskrivningsdatum: { senders: WARD },
  svar_pa_inskrivning: { senders: RECEIVING_ROLES, mustReach: WARD },
  avvisning: { senders: RECEIVING_ROLES, mustReach: WARD },
  planeringsunderlag: { senders: WARD },
  meddela_beslut: { senders: ["kommun"] },
  uppdrag_hemsjukvard: { senders: WARD, recipients: ["hemsjukvard", "kommun"] },
  // The ward assesses; the biståndshandläggare (kommun) answers with confirmedGranted.
  egenvardsbedomning: { senders: ["avdelning", "kommun"], recipients: ["avdelning", "kommun", "hemsjukvard"] },
  kallelse_sip: { senders: NOT_HEMTJANST },
  sip_plan: { senders: NOT_HEMTJANST },
  utskrivningsklar: { senders: WARD },
  ej_utskrivningsklar: { senders: WARD },
  kommunklar: { senders: RECEIVING_ROLES, mustReach: WARD },
  utskrivningsdatum: { senders: WARD },
  utskrivningsmeddelande: { senders: WARD },
  generellt: { senders: ALL },
  avslut: { senders: WARD, recipientsOptional: true },
};

/** Allowed before the admission notice. */
const BEFORE_NOTICE: ReadonlySet<MessageKind> = new Set<MessageKind>(["samtycke", "generellt", "avslut", "inskrivningsmeddelande"]);
/** Only while the patient is ready for discharge. */
const NEEDS_READY: ReadonlySet<MessageKind> = new Set<MessageKind>(["ej_utskrivningsklar", "utskrivningsdatum", "utskrivningsmeddelande"]);
/** Coordination goes on after discharge (SIP at home, late decisions and answers). */
const AFTER_DISCHARGE: ReadonlySet<MessageKind> = new Set<MessageKind>([
  "samtycke",
  "generellt",
  "avslut",
  "svar_pa_inskrivning",
  "avvisning",
  "meddela_beslut",
  "kallelse_sip",
  "sip_plan",
]);

/** The message kinds a party of this role may send at all (for the UI's "Nytt meddelande" menu). */
/** Every kind can be corrected by the unit that sent it, except the planning basis: it gets a new version. */
export function isCorrectableKind(kind: MessageKind): boolean {
  return kind !== "planeringsunderlag";
}

/** Whether a party in this role may correct a message of this kind that its unit sent (any stage of an open case). */
export function roleMayCorrect(role: PartyRole, kind: MessageKind): boolean {
  return isCorrectableKind(kind) && KIND_RULES[kind].senders.includes(role);
}

export function kindsSendableBy(role: PartyRole): MessageKind[] {
  return (Object.keys(KIND_RULES) as MessageKind[]).filter((k) => KIND_RULES[k].senders.includes(role));
}

/** The recipient roles a kind may be addressed to; null = any party of the case. */
export function allowedRecipientRoles(kind: MessageKind): readonly PartyRole[] | null {
  return KIND_RULES[kind].recipients ?? null;
}

/** What `checkOpen` needs: a send attempt without the form (recipients optional). */
export type SendProbe = Omit<SendAttempt, "payload" | "recipientUnitIds"> & { recipientUnitIds?: readonly string[] };

/**
 * Is this step open to this sender now, before the form is filled in? Every check of `checkSend`
 * that does not read the form (and the recipient checks when recipients are given). For the UI's
 * list of what the user can send.
 */
export function checkOpen(facts: CaseFacts, probe: SendProbe, state: DerivedCaseState = deriveCaseState(facts)): { ok: true } | SendRefusal {
  const pre = preflight(facts, probe, state);
  return "ok" in pre ? pre : { ok: true };
}

/** Check a message before it is stored. Pass `state` if already derived from the same facts. */
export function checkSend<K extends MessageKind>(facts: CaseFacts, attempt: SendAttempt<K>, state: DerivedCaseState = deriveCaseState(facts)): SendCheck<K> {
  const pre = preflight(facts, attempt, state);
  if ("ok" in pre) return pre;
  const { kind } = attempt;
  const parsed = parseMessagePayload(kind, attempt.payload, {
    senderRole: pre.sender.role,
    admittedAt: facts.admittedAt,
    now: attempt.at,
  });
  if (!parsed.ok) {
    return refuse("invalid_payload", `Kontrollera uppgifterna: ${parsed.errors.map((e) => e.message).join("; ")}`, parsed.errors);
  }
  const payload = parsed.payload as Record<string, unknown>;
  const problem = payloadRefusal(kind, pre, payload);
  if (problem) return problem;
  const recipients = pre.recipients ?? [];
  const warnings = preflightWarnings(kind, {
    facts,
    state,
    recipients,
    payload,
    at: attempt.at,
    mode: attempt.mode ?? "normal",
    isCorrection: pre.isCorrection,
  });
  return { ok: true, payload: parsed.payload, warnings: warnings.map((w) => w.text), toConfirm: warnings.filter((w) => w.confirm).map((w) => w.text) };
}

/** Every check that does not read the form; on success, the context for the form's rules. */
function preflight(facts: CaseFacts, attempt: SendProbe, state: DerivedCaseState): SendRefusal | RuleContext {
  const { kind } = attempt;
  const rule = KIND_RULES[kind] as KindRule | undefined;
  if (!rule) return refuse("invalid_payload", "Okänd meddelandetyp");
  const label = MESSAGE_KIND_LABELS[kind];
  if (state.stage === "avslutad") return refuse("case_closed", "Ärendet är avslutat");

  const sender = partyState(state, attempt.senderUnitId);
  if (!sender?.active) return refuse("sender_not_party", "Avsändaren är inte part i ärendet");
  if (sender.role !== attempt.senderRole) {
    return refuse("sender_not_party", "Avsändarens roll stämmer inte med enhetens roll i ärendet");
  }
  if (!rule.senders.includes(sender.role)) return refuse("role_not_allowed", `${label} kan inte skickas av ${the(sender.role)}`);

  const isCorrection = Boolean(attempt.correctsMessageId);
  if (attempt.correctsMessageId) {
    const target = facts.events.find((e) => e.id === attempt.correctsMessageId);
    if (!target) return refuse("correction_invalid", "Meddelandet som ska rättas finns inte i ärendet");
    if (target.kind !== kind) return refuse("correction_invalid", "Ett meddelande kan bara rättas med ett meddelande av samma typ");
    if (target.senderUnitId !== attempt.senderUnitId) {
      return refuse("correction_invalid", "Bara den enhet som skickade meddelandet kan rätta det");
    }
    if (!isCorrectableKind(kind)) {
      return refuse("correction_invalid", "Planeringsunderlaget rättas genom att en ny version skickas");
    }
  } else {
    const stageProblem = stageRefusal(kind, state.stage, attempt.mode ?? "normal");
    if (stageProblem) return stageProblem;
  }

  let recipients: PartyState[] | null = null;
  if (attempt.recipientUnitIds) {
    recipients = [];
    for (const id of new Set(attempt.recipientUnitIds)) {
      if (id === attempt.senderUnitId) return refuse("recipient_not_allowed", "Avsändaren kan inte själv vara mottagare");
      const party = partyState(state, id);
      if (!party?.active) return refuse("recipient_not_party", "Mottagaren är inte part i ärendet");
      if (rule.recipients && !rule.recipients.includes(party.role)) {
        return refuse("recipient_not_allowed", `${label} kan inte skickas till ${the(party.role)}`);
      }
      recipients.push(party);
    }
    if (recipients.length === 0 && !rule.recipientsOptional) return refuse("recipient_required", "Välj minst en mottagare");
    const mustReach = rule.mustReach;
    if (mustReach && !recipients.some((r) => mustReach.includes(r.role))) {
      return refuse("recipient_required", `${label} ska skickas till ${mustReach.map(the).join(" eller ")}`);
    }
  }

  const context: RuleContext = { facts, state, sender, recipients, isCorrection };
  return stateRefusal(kind, context) ?? context;
}

function stageRefusal(kind: MessageKind, stage: CaseStage, mode: "normal" | "efterregistrering"): SendRefusal | null {
  const label = MESSAGE_KIND_LABELS[kind];
  if (stage === "utskriven" && !AFTER_DISCHARGE.has(kind)) {
    return refuse("already_discharged", `${label} kan inte skickas efter att patienten har skrivits ut`);
  }
  const afterRegisteredDischarge = kind === "utskrivningsmeddelande" && mode === "efterregistrering" && stage === "planering";
  if (NEEDS_READY.has(kind) && stage !== "utskrivningsklar" && !afterRegisteredDischarge) {
    return refuse("not_ready", `${label} kan bara skickas när patienten är utskrivningsklar`);
  }
  if (stage === "inskriven" && !BEFORE_NOTICE.has(kind)) {
    return refuse("admission_notice_missing", `${label} kan inte skickas innan inskrivningsmeddelandet har skickats`);
  }
  if (kind === "utskrivningsklar" && stage === "utskrivningsklar") {
    return refuse("already_ready", "Patienten är redan utskrivningsklar. Skicka först Inte längre utskrivningsklar om läkarens bedömning har ändrats");
  }
  return null;
}

/**
 * The stage a case moves to when a message of `kind` is sent in `stage` (assuming checkSend said
 * ok). A correction never moves the stage; pass the current stage back for it.
 */
export function nextStage(state: CaseStage | Pick<DerivedCaseState, "stage">, kind: MessageKind): CaseStage {
  const stage = typeof state === "string" ? state : state.stage;
  if (stage === "avslutad") return stage;
  switch (kind) {
    case "avslut":
      return "avslutad";
    case "inskrivningsmeddelande":
      return stage === "inskriven" ? "planering" : stage;
    case "utskrivningsklar":
      return stage === "planering" ? "utskrivningsklar" : stage;
    case "ej_utskrivningsklar":
      return stage === "utskrivningsklar" ? "planering" : stage;
    case "utskrivningsmeddelande":
      return stage === "utskrivningsklar" || stage === "planering" ? "utskriven" : stage;
    default:
      return stage;
  }
}
