import { consentState } from "../case/consent";
import type { DueStep, DueStepCode } from "../case/due";
import { CONSENT_KIND_LABELS, PARTY_ROLE_LABELS } from "../case/labels";
import { deriveCaseState, type DerivedCaseState } from "../case/state";
import type { CaseFacts, ConsentKind, PartyRole } from "../case/types";
import { stockholmDateTime } from "../time/format";
import { lowerFirst } from "../text/swedish";
import { OPEN_STATUS_LABELS, openingStatus, type OpenStatus } from "./opening-hours";
import { stepNotesFor, type RoutineProfile } from "./routine-profile";
import type { ContactEntry, OutageSystem, PhoneContactEntry, PhoneStep } from "./types";

/**
 * "Vem ska jag ringa?": for each step now due in a case, the parties to call, their
 * numbers and hours from the contact list (the party unit's own entries first, then its parent
 * units', e.g. the hospital's utskrivningsledare, then its organisation's, e.g. "biståndshandläggare
 * via växeln"), whether each is open now, and what to say: the information the step's message
 * would have carried. Steps without a call (kvittera, avsluta) are left out: they wait for the
 * system.
 */

/** Process steps that `dueSteps` does not list (they have no deadline) but that are phoned in an outage. */
export const OUTAGE_CALL_STEPS = ["meddela_utskrivningsklar", "meddela_planering", "meddela_uppdrag_hemsjukvard", "meddela_egenvardsbedomning"] as const;
export type GuidanceStepCode = DueStepCode | (typeof OUTAGE_CALL_STEPS)[number];

export interface GuidanceParty {
  unitId: string;
  role: PartyRole;
  organisationId: string;
  /** Ancestor unit ids, nearest first (a ward's hospital carries the utskrivningsledare). */
  ancestorUnitIds?: readonly string[];
  unitName?: string;
  removed?: boolean;
}

export interface GuidancePatient {
  name: string;
  /** As shown, e.g. "19121212-1212". */
  identifier: string;
  address?: string | null;
  stayAddress?: string | null;
}

export interface CallGuidanceInput {
  steps: readonly (DueStep | GuidanceStepCode)[];
  parties: readonly GuidanceParty[];
  contacts: readonly ContactEntry[];
  /** The unit asking: never listed as someone to call. */
  ownUnitId: string;
  now: Date;
  patient?: GuidancePatient;
  /** The case, for the dates, decisions and consents to read out. */
  facts?: CaseFacts;
  profile?: RoutineProfile;
  system?: OutageSystem;
  /** The case's phone log in this outage: marks the parties already reached. */
  phoneLog?: readonly PhoneContactEntry[];
}

export interface ContactOption {
  entry: ContactEntry;
  /** Where the entry comes from: the unit itself, a parent unit, or the organisation. */
  source: "enhet" | "overordnad" | "organisation";
  status: OpenStatus;
  statusLabel: string;
}

export interface CallTarget {
  unitId: string;
  role: PartyRole;
  /** "Kommun – Biståndsenheten Eskilstuna" */
  label: string;
  contacts: ContactOption[];
  /** A logged call with this unit carried one of the step's phone steps; null when the step has none. */
  reached: boolean | null;
}

export interface StepGuidance {
  step: GuidanceStepCode;
  label: string;
  dueAt: Date | null;
  overdue: boolean;
  targets: CallTarget[];
  /** What to say (or ask), Swedish lines. */
  say: string[];
  /** What to tick on "Logga telefonkontakt" after the call. */
  logSteps: PhoneStep[];
  /** What the region's routine says for this kind of outage. */
  routineNotes: string[];
}

const RECEIVERS: readonly PartyRole[] = ["kommun", "vardcentral", "psykiatrisk_oppenvard", "hemsjukvard"];
const ALL_BUT_WARD: readonly PartyRole[] = [...RECEIVERS, "hemtjanst"];
const WARD: readonly PartyRole[] = ["avdelning"];
const ALL_BUT_HEMTJANST: readonly PartyRole[] = ["avdelning", ...RECEIVERS];

interface Ctx {
  state: DerivedCaseState | null;
  facts: CaseFacts | undefined;
  patient: GuidancePatient | undefined;
  profile: RoutineProfile | undefined;
}

interface StepGuide {
  label: string;
  targets: readonly PartyRole[];
  logSteps: PhoneStep[];
  say: (c: Ctx) => string[];
}

const when = (d: Date | null | undefined, missing: string): string => (d ? stockholmDateTime(d) : missing);

function consentLines(c: Ctx, kinds: readonly ConsentKind[]): string[] {
  if (!c.facts) return ["Samtycke: vilka samtycken patienten har lämnat (informationsöverföring och NPÖ)"];
  return kinds.map((k) => {
    const state = consentState(c.facts?.consents ?? [], k);
    const value = { none: "inte dokumenterat", given: "ja", refused: "nej", unable: "patienten kan inte ta ställning" }[state];
    return `Samtycke, ${lowerFirst(CONSENT_KIND_LABELS[k])}: ${value}`;
  });
}

function admissionLines(c: Ctx): string[] {
  return [
    `Inskriven: ${when(c.facts?.admittedAt, "datum och tid för inskrivningen")}`,
    `Folkbokföringsadress: ${c.patient?.address ?? "patientens folkbokföringsadress"}${c.patient?.stayAddress ? `; vistelseadress: ${c.patient.stayAddress}` : ""}`,
    `Beräknat utskrivningsdatum: ${c.state?.estimatedDischargeDate ?? "bestäm det innan du ringer"}`,
    ...consentLines(c, ["informationsoverforing_kommun", "informationsoverforing_vardcentral", "npo"]),
    "Fråga efter aktuella insatser, fast vårdkontakt och vilka samtycken som redan finns hos mottagaren",
  ];
}

const confirmLine = (c: Ctx): string[] =>
  c.profile?.dischargeRequiresReceiverConfirmation ? ["Be mottagaren bekräfta att informationen tagits emot: utskrivningen väntar tills dess"] : [];

const GUIDES: Partial<Record<GuidanceStepCode, StepGuide>> = {
  skicka_inskrivningsmeddelande: {
    label: "Meddela inskrivningen",
    targets: RECEIVERS,
    logSteps: ["inskrivning", "beraknat_utskrivningsdatum", "samtycke"],
    say: admissionLines,
  },
  dokumentera_samtycke: {
    label: "Lämna över samtycket",
    targets: RECEIVERS,
    logSteps: ["samtycke"],
    say: (c) => [
      ...consentLines(c, ["informationsoverforing_kommun", "informationsoverforing_vardcentral", "npo", "sip"]),
      "Fråga vilka samtycken som redan finns i kommunens journal; båda dokumenterar samtycket",
    ],
  },
  uppdatera_beraknat_datum: {
    label: "Meddela nytt beräknat utskrivningsdatum",
    targets: RECEIVERS,
    logSteps: ["beraknat_utskrivningsdatum"],
    say: (c) => [`Nytt beräknat utskrivningsdatum (tidigare ${c.state?.estimatedDischargeDate ?? "okänt"})`],
  },
  hantera_avvisning: {
    label: "Stäm av avvisningen",
    targets: RECEIVERS,
    logSteps: ["inskrivning"],
    say: () => ["Orsaken till avvisningen och vilken enhet som är rätt mottagare"],
  },
  meddela_utskrivningsklar: {
    label: "Meddela att patienten är utskrivningsklar",
    targets: RECEIVERS,
    logSteps: ["utskrivningsklar"],
    say: (c) => {
      const ready = c.state?.readyHistory.at(-1);
      return [
        `Beslutstid: ${when(ready?.decidedAt ?? ready?.at, "tiden för läkarens beslut")}`,
        `Beslutande läkare: ${ready?.decidedBy ?? "namn"}`,
        "Fråga när mottagarna är redo att ta emot patienten (kommunklar)",
      ];
    },
  },
  bestam_utskrivningsdatum: {
    label: "Kom överens om tid för hemgång",
    targets: RECEIVERS,
    logSteps: ["faktiskt_utskrivningsdatum"],
    say: (c) => [
      `Föreslagen tid för hemgång: ${when(c.state?.plannedDischargeAt, c.state?.estimatedDischargeDate ?? "datum och tid")}`,
      "Stäm av att mottagarna är redo; avdelningen bokar transport",
    ],
  },
  skicka_utskrivningsmeddelande: {
    label: "Meddela utskrivningen",
    targets: ALL_BUT_WARD,
    logSteps: ["utskrivningsmeddelande", "faktiskt_utskrivningsdatum"],
    say: (c) => [
      `Tid för hemgång: ${when(c.state?.plannedDischargeAt, "datum och tid")}`,
      "Utskrivningsplanen: insatser, uppföljning och vem som ansvarar",
      "Aktuell läkemedelslista; den skickas med patienten i förslutet kuvert",
      "Läkemedel och hjälpmedel som följer med patienten",
      `Vistelseadress efter utskrivningen: ${c.patient?.stayAddress ?? c.patient?.address ?? "om annan än folkbokföringsadressen"}`,
      "Funktionsstatus: muntlig rapport (hemtjänsten har inte tillgång till NPÖ)",
      ...confirmLine(c),
    ],
  },
  meddela_planering: {
    label: "Stäm av utskrivningsplaneringen",
    targets: RECEIVERS,
    logSteps: ["planeringsunderlag"],
    say: () => ["Vad patienten behöver efter utskrivningen (ADL, boende, hjälpmedel)", "Fråga vad som ansöks om och vad som beslutas"],
  },
  meddela_uppdrag_hemsjukvard: {
    label: "Förmedla uppdrag hemsjukvård",
    targets: ["hemsjukvard", "kommun"],
    logSteps: ["planeringsunderlag"],
    say: () => ["Uppdraget och från vilket datum det gäller", "Att uppdraget kan läsas i NPÖ av legitimerad personal"],
  },
  meddela_egenvardsbedomning: {
    label: "Förmedla egenvårdsbedömningen",
    targets: ["kommun"],
    logSteps: ["planeringsunderlag"],
    say: () => ["Att en egenvårdsbedömning är gjord och vad patienten behöver praktisk hjälp med", "Be biståndshandläggaren meddela när insatserna beviljas"],
  },
  svara_pa_inskrivning: {
    label: "Svara på inskrivningen",
    targets: WARD,
    logSteps: ["inskrivning"],
    say: () => [
      "Aktuella insatser från alla berörda kommunaktörer",
      "Vilka samtycken som redan finns i kommunens journal",
      "Om patienten inte är känd hos kommunen",
    ],
  },
  utse_fast_vardkontakt: {
    label: "Meddela fast vårdkontakt",
    targets: WARD,
    logSteps: ["inskrivning"],
    say: () => ["Fast vårdkontakt: namn och telefonnummer", "Aktuella insatser från vårdcentralen", "Om SIP behövs, och vem som kallar"],
  },
  meddela_beslut: {
    label: "Meddela beslut om insatser",
    targets: WARD,
    logSteps: ["planeringsunderlag"],
    say: () => ["Ansökta och beslutade insatser"],
  },
  bekrafta_egenvard: {
    label: "Bekräfta beviljade insatser",
    targets: WARD,
    logSteps: ["planeringsunderlag"],
    say: () => ["Att insatserna efter egenvårdsbedömningen är beviljade"],
  },
  meddela_kommunklar: {
    label: "Meddela kommunklar",
    targets: WARD,
    logSteps: [],
    say: () => ["Att kommunen är redo att ta emot patienten", "Fråga om tid för hemgång"],
  },
  meddela_redo: {
    label: "Meddela att ni är redo att ta emot patienten",
    targets: WARD,
    logSteps: [],
    say: () => ["Att enheten är redo att ta emot patienten", "Fråga om tid för hemgång"],
  },
  kalla_till_sip: {
    label: "Kalla till SIP",
    targets: ALL_BUT_HEMTJANST,
    logSteps: ["sip_datum"],
    say: (c) => [
      "Förslag på datum, tid och plats för SIP-mötet",
      "Vilka som deltar",
      ...consentLines(c, ["sip"]),
      "Den formella kallelsen skickas i Vårdkedjan när driftstörningen är över",
    ],
  },
};

/** "Kommun – Biståndsenheten Eskilstuna" */
export function partyLabel(party: Pick<GuidanceParty, "role" | "unitName">): string {
  const role = PARTY_ROLE_LABELS[party.role].indefinite;
  return party.unitName ? `${role} – ${party.unitName}` : role;
}

/** The contact entries for a unit: its own, then its parent units' (nearest first), then its organisation's. */
export function contactsFor(
  party: Pick<GuidanceParty, "unitId" | "organisationId" | "ancestorUnitIds">,
  contacts: readonly ContactEntry[],
  now: Date,
): ContactOption[] {
  const option = (entry: ContactEntry, source: ContactOption["source"]): ContactOption => {
    const status = openingStatus(entry.openingHours, now);
    return { entry, source, status, statusLabel: OPEN_STATUS_LABELS[status] };
  };
  const own = contacts.filter((c) => c.unitId === party.unitId).map((c) => option(c, "enhet"));
  const parents = (party.ancestorUnitIds ?? []).flatMap((id) => contacts.filter((c) => c.unitId === id).map((c) => option(c, "overordnad")));
  const organisation = contacts.filter((c) => c.unitId === null && c.organisationId === party.organisationId).map((c) => option(c, "organisation"));
  return [...own, ...parents, ...organisation];
}

/** A call between the two units about one of the steps, in either direction, was logged. */
function reached(log: readonly PhoneContactEntry[], own: string, other: string, steps: readonly PhoneStep[]): boolean | null {
  if (steps.length === 0) return null;
  return log.some(
    (e) =>
      ((e.unitId === own && e.counterpartUnitId === other) || (e.unitId === other && e.counterpartUnitId === own)) && e.steps.some((s) => steps.includes(s)),
  );
}

export function callGuidance(input: CallGuidanceInput): StepGuidance[] {
  const state = input.facts ? deriveCaseState(input.facts) : null;
  const ctx: Ctx = { state, facts: input.facts, patient: input.patient, profile: input.profile };
  const patientLine = input.patient ? `Patient: ${input.patient.name}, ${input.patient.identifier}` : "Patient: namn och personnummer";
  const parties = input.parties.filter((p) => !p.removed && p.unitId !== input.ownUnitId);
  const out: StepGuidance[] = [];
  const seen = new Set<GuidanceStepCode>();

  for (const raw of input.steps) {
    const due: DueStep | null = typeof raw === "string" ? null : raw;
    const code = typeof raw === "string" ? raw : raw.step;
    const guide = GUIDES[code];
    if (!guide || seen.has(code)) continue;
    seen.add(code);
    const targets = parties
      .filter((p) => guide.targets.includes(p.role))
      .map((p): CallTarget => ({
        unitId: p.unitId,
        role: p.role,
        label: partyLabel(p),
        contacts: contactsFor(p, input.contacts, input.now),
        reached: reached(input.phoneLog ?? [], input.ownUnitId, p.unitId, guide.logSteps),
      }));
    const routineNotes =
      input.profile && input.system
        ? [...new Set(guide.logSteps.flatMap((s) => stepNotesFor(input.profile as RoutineProfile, input.system as OutageSystem, s)))]
        : [];
    out.push({
      step: code,
      label: due?.label ?? guide.label,
      dueAt: due?.dueAt ?? null,
      overdue: due?.overdue ?? false,
      targets,
      say: [patientLine, ...guide.say(ctx), "Notera namnet på den du talar med och logga samtalet"],
      logSteps: guide.logSteps,
      routineNotes,
    });
  }
  return out;
}
