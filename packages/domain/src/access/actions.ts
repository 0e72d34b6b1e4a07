import { ROLE_LABELS } from "../identity/context-label";
import type { Role } from "../identity/types";

/**
 * Who may do what: a closed list of actions and a role → actions table,
 * checked at one chokepoint (the API's procedure builders and service guards). Unit scope is
 * NOT decided here: it is the active RoleContext's scope, checked beside this table.
 */

export const ACTIONS = [
  "session.switchContext",
  "workspace.read",
  "case.read",
  "case.create",
  "case.sendMessage",
  "case.addParty",
  "case.acknowledge",
  "case.readPlanning",
  "case.writePlanning",
  "case.close",
  "case.internalNotes",
  "case.answerSip",
  "phraseTemplates.manage",
  "contactList.read",
  "contactList.edit",
  "outage.read",
  "outage.declare",
  "outage.end",
  "outage.logPhoneContact",
  "outage.report",
  "outage.printKit",
  "outage.manageIntegrations",
  "outage.manageRoutine",
  "afterRegistration.register",
  "org.readUnits",
  "org.manage",
  "rules.manage",
  "audit.read",
  "payment.readAgreements",
  "payment.manageAgreements",
  "invoice.read",
  "invoice.readPatients",
  "invoice.lock",
  "invoice.dispute",
  "invoice.answerDispute",
  "deviation.report",
  "deviation.handle",
  "deviation.readStatistics",
  "reports.read",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Actions that touch patient data (PDL / SVOD). Administrators get none of them: separation of
 * duties. `audit.read` is not here: log follow-up is its own legal
 * purpose (HSLF-FS 2016:40 4 kap. 9 §), even though the log names patients.
 */
export const PATIENT_DATA_ACTIONS: readonly Action[] = [
  "case.read",
  "case.create",
  "case.sendMessage",
  "case.addParty",
  "case.acknowledge",
  "case.readPlanning",
  "case.writePlanning",
  "case.close",
  "case.internalNotes",
  "case.answerSip",
  "outage.logPhoneContact",
  "afterRegistration.register",
  "invoice.readPatients",
  "deviation.report",
  "deviation.handle",
];

/** Swedish, completing "Rollen X får inte …". */
export const ACTION_LABELS: Record<Action, string> = {
  "session.switchContext": "byta arbetsroll",
  "workspace.read": "se arbetsytan",
  "case.read": "läsa samordningsärenden",
  "case.create": "skapa samordningsärenden",
  "case.sendMessage": "skicka meddelanden i ärenden",
  "case.addParty": "lägga till parter i ärenden",
  "case.acknowledge": "kvittera meddelanden",
  "case.readPlanning": "läsa planeringsunderlaget",
  "case.writePlanning": "skriva i planeringsunderlaget",
  "case.close": "avsluta samordningsärenden",
  "case.internalNotes": "läsa och skriva enhetens interna anteckningar i ärenden",
  "case.answerSip": "svara på kallelser till SIP",
  "phraseTemplates.manage": "använda och ändra enhetens textmallar",
  "contactList.read": "se kontaktlistan för driftstörning",
  "contactList.edit": "ändra kontaktlistan för driftstörning",
  "outage.read": "se driftstörningar och deras historik",
  "outage.declare": "utlysa driftstörning",
  "outage.end": "avsluta driftstörning",
  "outage.logPhoneContact": "anteckna telefonkontakter under driftstörning",
  "outage.report": "hämta rapporten över en driftstörning",
  "outage.printKit": "skriva ut reservpärmen och blanketterna för driftstörning",
  "outage.manageIntegrations": "hantera integrationernas hälsokontroller",
  "outage.manageRoutine": "ändra regionens reservrutin för driftstörning",
  "afterRegistration.register": "efterregistrera ärenden",
  "org.readUnits": "se regionens enheter",
  "org.manage": "administrera organisationer och enheter",
  "rules.manage": "administrera behörighetsregler",
  "audit.read": "granska loggar",
  "payment.readAgreements": "se överenskommelserna om betalningsansvar",
  "payment.manageAgreements": "ändra överenskommelserna om betalningsansvar och beloppen per vårddygn",
  "invoice.read": "se faktureringsunderlaget för betalningsansvar",
  "invoice.readPatients": "se patienterna i faktureringsunderlaget",
  "invoice.lock": "fastställa faktureringsunderlaget",
  "invoice.dispute": "bestrida rader i faktureringsunderlaget",
  "invoice.answerDispute": "besvara bestridanden av faktureringsunderlaget",
  "deviation.report": "rapportera avvikelser i samverkan",
  "deviation.handle": "utreda och besvara avvikelser i samverkan",
  "deviation.readStatistics": "se statistik över avvikelser i samverkan",
  "reports.read": "se uppföljningsrapporterna",
};

const BASE: Action[] = ["session.switchContext", "workspace.read", "contactList.read", "outage.printKit"];

/** The ward: opens the case, plans, registers what happened during an outage (Region Västernorrland, Avbrottsrutin Lifecare SP). */
const WARD: Action[] = [
  ...BASE,
  "case.read",
  "case.create",
  "case.sendMessage",
  "case.addParty",
  "case.acknowledge",
  "case.readPlanning",
  "case.writePlanning",
  "case.close",
  "case.internalNotes",
  "case.answerSip",
  "phraseTemplates.manage",
  "outage.logPhoneContact",
  "afterRegistration.register",
  "deviation.report",
];

/**
 * Receiving parties: answer, plan, acknowledge; they do not open or close the hospital's case.
 * After an outage they register their own items too (acknowledgements, summaries, SIP calls).
 */
const RECEIVER: Action[] = [
  ...BASE,
  "case.read",
  "case.sendMessage",
  "case.acknowledge",
  "case.readPlanning",
  "case.writePlanning",
  "case.internalNotes",
  "case.answerSip",
  "phraseTemplates.manage",
  "outage.logPhoneContact",
  "afterRegistration.register",
  "deviation.report",
];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  avd_ssk: WARD,
  lakare: WARD,
  // Therapists contribute to the plan but do not open, close or after-register cases; like the
  // rest of the ward they may bring in a party the case needs.
  terapeut: [
    ...BASE,
    "case.read",
    "case.sendMessage",
    "case.addParty",
    "case.acknowledge",
    "case.readPlanning",
    "case.writePlanning",
    "case.internalNotes",
    "case.answerSip",
    "phraseTemplates.manage",
    "deviation.report",
  ],
  // The utskrivningsledare is the hospital's responsible function for deviations in the cooperation.
  utskrivningsledare: [...WARD, "deviation.handle"],
  vc_personal: RECEIVER,
  psykiatri_oppenvard: RECEIVER,
  // The biståndshandläggare brings the kommun's own home care into the case with the decision.
  bistandshandlaggare: [...RECEIVER, "case.addParty"],
  kommun_ssk: RECEIVER,
  // Hemtjänst reads its assigned tasks and acknowledges; no planning basis, no NPÖ.
  // After an outage its list holds only messages to acknowledge, so it may work that list.
  // Its own notes, and its answer when called to a SIP.
  hemtjanst: [...BASE, "case.read", "case.acknowledge", "case.internalNotes", "case.answerSip", "afterRegistration.register"],
  // MAS: read-all within the kommun and follow-up, and the kommun's side of joint deviations. The
  // MAS's log review is done in Förvaltning, in the loggranskare context a rule gives (example rule R6-logg).
  mas: [...BASE, "case.read", "case.readPlanning", "case.internalNotes", "deviation.report", "deviation.handle"],
  sysadmin: [
    ...BASE,
    "contactList.edit",
    "outage.read",
    "outage.declare",
    "outage.end",
    "outage.report",
    "outage.manageIntegrations",
    "outage.manageRoutine",
    "org.readUnits",
    "org.manage",
    "rules.manage",
    "audit.read",
    "deviation.readStatistics",
    // Follow-up reports: aggregates only, never a patient (reports/summary.ts).
    "reports.read",
    // The administrator keeps the agreements and the yearly amounts, and sees the invoice basis
    // without the patients: separation of duties (the patients are the economy role's).
    "payment.readAgreements",
    "payment.manageAgreements",
    "invoice.read",
  ],
  // The kommun's representative confirms its phone numbers within 6 hours of an outage notice (Region Sörmland, Reservrutin Link).
  // No log review: the one who grants access rights does not also check how they were used
  // (separation of duties); a kommun's log review is the loggranskare's, given by a rule.
  kommunadmin: [
    ...BASE,
    "contactList.edit",
    "outage.read",
    "outage.report",
    "org.readUnits",
    "org.manage",
    "rules.manage",
    "deviation.readStatistics",
    "reports.read",
    // Reads the agreement that applies to the kommun and its invoice basis; changes neither.
    "payment.readAgreements",
    "invoice.read",
  ],
  // Log review (PDL log follow-up, HSLF-FS 2016:40 4 kap. 9 §) of the organisation's own staff, and nothing else.
  loggranskare: [...BASE, "audit.read"],
  // Economy: the region fixes ("Fastställ") the basis and answers disputes; the kommun reviews and
  // disputes it. Both see the patient of each row (name and personnummer), the data an invoice
  // between the principals needs; nothing else of the case.
  region_ekonom: [...BASE, "payment.readAgreements", "invoice.read", "invoice.readPatients", "invoice.lock", "invoice.answerDispute"],
  kommun_ekonom: [...BASE, "payment.readAgreements", "invoice.read", "invoice.readPatients", "invoice.dispute"],
};

export function can(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

export function actionsFor(role: Role): readonly Action[] {
  return ROLE_ACTIONS[role];
}

export type AccessDecision = { ok: true } | { ok: false; code: "forbidden"; role: Role; action: Action; /** Swedish */ message: string };

/** Like `can`, but returns a typed decision with a Swedish message; never throws. */
export function assertCan(role: Role, action: Action): AccessDecision {
  if (can(role, action)) return { ok: true };
  return {
    ok: false,
    code: "forbidden",
    role,
    action,
    message: `Rollen ${ROLE_LABELS[role]} får inte ${ACTION_LABELS[action]}.`,
  };
}

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
