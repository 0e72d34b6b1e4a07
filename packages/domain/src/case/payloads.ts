import "../zod-csp";
import * as z from "zod";
// The Swedish locale alone: `z.locales.sv` would bring every locale zod has into the browser.
import swedish from "zod/v4/locales/sv.js";
import { stockholmDate } from "../time/stockholm";
import { CLOSE_REASONS, CONSENT_KINDS, CONSENT_REPRESENTATIVE_KINDS, MESSAGE_KINDS, type MessageKind, type PartyRole } from "./types";
import { representativeMayDecide } from "./consent";
import { OUTPATIENT_PARTY_ROLES } from "./party-role";
import { ADL_AREAS, ADL_LEVELS, AID_KINDS, CURRENT_SERVICE_KINDS, HOUSING_KINDS, MEDICATION_HANDLERS, RISK_KINDS } from "./structured-content";

/**
 * The structured payload of each message kind: the fields of its form (the steps of the
 * process under LOSUS), validated with zod, every message in Swedish. Free text beside
 * the form lives in the message row (`messages.freeText`), not here. Optional text fields accept
 * "" from a form and store it as absent. Unknown keys are dropped, so what is stored is exactly
 * the schema.
 */

const MAX_TEXT = 20_000;
const MAX_LINE = 300;

type Issue = { input?: unknown };
const missingOr = (missing: string, invalid: string) => (iss: Issue) => (iss.input === undefined || iss.input === null ? missing : invalid);

const text = (label: string, max = MAX_TEXT) =>
  z
    .string({ error: missingOr(`${label} måste anges`, `${label} måste vara text`) })
    .trim()
    .min(1, { error: `${label} får inte vara tom` })
    .max(max, { error: `${label} får vara högst ${max} tecken` });

const optText = (label: string, max = MAX_TEXT) =>
  z
    .string({ error: `${label} måste vara text` })
    .trim()
    .max(max, { error: `${label} får vara högst ${max} tecken` })
    .optional()
    .transform((s) => (s === "" ? undefined : s));

const isoDate = (label: string) => z.iso.date({ error: missingOr(`${label} måste anges`, `${label} måste vara ett datum (ÅÅÅÅ-MM-DD)`) });

const isoDateTime = (label: string) =>
  z.iso.datetime({
    offset: true,
    error: missingOr(`${label} måste anges`, `${label} måste vara en tidpunkt med tidszon, t.ex. 2026-03-02T14:30:00+01:00`),
  });

const bool = (question: string) => z.boolean({ error: missingOr(`Ange ${question}`, `Svaret på ${question} måste vara ja eller nej`) });

const choice = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: missingOr(`Välj ${label}`, `Ogiltigt val av ${label}`) });

/**
 * An optional list: an empty list from a form is stored as absent, like an empty text, so that a
 * payload sent before the list existed and one sent with nothing ticked read the same.
 */
const optList = <T extends z.ZodType>(item: T, label: string, max = 100) =>
  z
    .array(item, { error: `${label} måste anges som en lista` })
    .max(max, { error: `${label} får vara högst ${max}` })
    .optional()
    .transform((l) => (l && l.length > 0 ? l : undefined));

/** A list of choices, each at most once. */
const choiceSet = <const T extends readonly [string, ...string[]]>(values: T, label: string, what: string) =>
  optList(choice(values, what), label).refine((l) => !l || new Set(l).size === l.length, { error: `Samma ${what} får bara anges en gång` });

/** The medication list, one medicine per row (the list that goes home with the patient). */
const medications = optList(
  z.object({
    name: text("Läkemedlets namn", MAX_LINE),
    dose: optText("Dosen", MAX_LINE),
    purpose: optText("Vad läkemedlet används mot", MAX_LINE),
  }),
  "Läkemedlen",
  200,
);

const consentKind = choice(CONSENT_KINDS, "samtyckestyp");

const samtycke = z
  .object({
    consents: z.array(
      z.object({
        kind: consentKind,
        given: bool("om samtycke har lämnats"),
        /** "Kan inte ta ställning" (then `given` is false). */
        unable: z.boolean({ error: "Ange om patienten kan ta ställning" }).optional(),
      }),
      { error: "Samtyckena måste anges som en lista" },
    ),
    documentedNote: optText("Kommentaren", 2000),
    /** The kommun's statement of the consents it already holds. */
    municipalityAlreadyHolds: z.array(consentKind, { error: "Befintliga samtycken måste anges som en lista" }).optional(),
    /** How the ward got it: from the patient, or by phone during an outage (Region Sörmland, Reservrutin Link). */
    source: z.enum(["patient", "telefon"], { error: "Ogiltig källa för samtycket" }).optional(),
    /** Who answered for a patient who cannot decide (see consent.ts, representativeMayDecide). */
    representative: z
      .object({ kind: choice(CONSENT_REPRESENTATIVE_KINDS, "vem som företräder patienten"), name: text("Företrädarens namn", MAX_LINE) })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.consents.length === 0 && (p.municipalityAlreadyHolds ?? []).length === 0) {
      ctx.addIssue({ code: "custom", path: ["consents"], message: "Ange minst ett samtycke" });
    }
    const seen = new Set<string>();
    p.consents.forEach((c, i) => {
      if (seen.has(c.kind)) {
        ctx.addIssue({ code: "custom", path: ["consents", i, "kind"], message: "Samma samtyckestyp får bara anges en gång" });
      }
      seen.add(c.kind);
      if (c.unable && c.given)
        ctx.addIssue({ code: "custom", path: ["consents", i, "given"], message: "Ett samtycke kan inte både vara lämnat och inte gå att ta ställning till" });
      if (p.representative && !c.unable && !representativeMayDecide(c.kind)) {
        ctx.addIssue({
          code: "custom",
          path: ["consents", i, "given"],
          message:
            "Läsning i NPÖ kräver patientens eget samtycke och kan inte lämnas av en företrädare. Välj Kan inte ta ställning om patienten inte kan svara",
        });
      }
    });
  });

const estimatedDate = z.object({ estimatedDischargeDate: isoDate("Beräknat utskrivningsdatum") });

const svarPaInskrivning = z
  .object({
    /** Aktuella insatser, ticked. Absent in answers sent before the form had boxes. */
    services: choiceSet(CURRENT_SERVICE_KINDS, "Insatserna", "insats"),
    /** The patient has no services from the answering unit. */
    noServices: z.boolean({ error: "Svaret på om patienten saknar insatser måste vara ja eller nej" }).optional(),
    /** More about the services; before the boxes, the whole answer was this text. */
    currentServices: optText("Övrigt om insatserna"),
    /** Fast vårdkontakt: a person with a context at the answering vårdcentral. */
    fixedCareContactStaffId: z.uuid({ error: "Fast vårdkontakt måste vara en giltig personreferens" }).optional(),
    /** The named contact at the answering unit, for the ward's questions. */
    contactName: optText("Kontaktpersonen", MAX_LINE),
    contactPhone: optText("Kontaktpersonens telefonnummer", 40),
    /** false = "ej känd" hos enheten. */
    knownToUnit: bool("om patienten är känd hos enheten"),
  })
  .superRefine((p, ctx) => {
    const ticked = (p.services ?? []).length > 0;
    if (p.noServices && ticked) {
      ctx.addIssue({ code: "custom", path: ["services"], message: "Kryssa antingen i insatserna eller ”Inga insatser”, inte båda" });
    } else if (!ticked && !p.noServices && !p.currentServices) {
      ctx.addIssue({ code: "custom", path: ["services"], message: "Kryssa i patientens aktuella insatser, eller ”Inga insatser”" });
    }
  });

const avvisning = z.object({
  reason: choice(["ej_folkbokford", "fel_mottagare", "annat"], "skäl till avvisning"),
  text: text("Förklaringen"),
});

const planeringsunderlag = z.object({
  /** The ward keeps one current planning basis; each send is the next version (1, 2, …). */
  version: z
    .number({ error: missingOr("Versionen måste anges", "Versionen måste vara ett heltal") })
    .int({ error: "Versionen måste vara ett heltal" })
    .min(1, { error: "Versionen måste vara minst 1" }),
  needs: text("Behoven"),
  /** ADL status per area; each area at most once. */
  adl: optList(z.object({ area: choice(ADL_AREAS, "ADL-område"), level: choice(ADL_LEVELS, "hur mycket hjälp patienten behöver") }), "ADL-bedömningen").refine(
    (l) => !l || new Set(l.map((a) => a.area)).size === l.length,
    { error: "Samma ADL-område får bara anges en gång" },
  ),
  /** More about ADL; before the structured areas, the ADL status was only this text. */
  adlStatus: optText("Övrigt om ADL"),
  risks: choiceSet(RISK_KINDS, "Riskerna", "risk"),
  riskNote: optText("Om riskerna"),
  medicationHandler: choice(MEDICATION_HANDLERS, "vem som sköter läkemedlen").optional(),
  dosDispensed: z.boolean({ error: "Svaret på om läkemedlen är dosdispenserade måste vara ja eller nej" }).optional(),
  medications,
  aidKinds: choiceSet(AID_KINDS, "Hjälpmedlen", "hjälpmedel"),
  /** Other aids; before the list, the aids were only this text. */
  aids: optText("Övriga hjälpmedel"),
  housing: choice(HOUSING_KINDS, "boendeform").optional(),
  livesAlone: z.boolean({ error: "Svaret på om patienten bor ensam måste vara ja eller nej" }).optional(),
  homeSituation: optText("Om boendet"),
  track: choice(["gron", "gul", "rod"], "processpår").optional(),
});

/**
 * The units a message brings into the case as parties (see party-add.ts): the kommun's home care
 * named in a decision, the hemsjukvård an assignment goes to. Who may bring in which is checked by
 * the service with the domain rule; the schema only takes the ids.
 */
const bringInUnitIds = z
  .array(z.uuid({ error: "Enheten måste vara en giltig enhetsreferens" }), { error: "Enheterna måste anges som en lista" })
  .max(20)
  .optional();

const meddelaBeslut = z
  .object({
    applied: z.array(text("Ansökt insats", MAX_LINE), { error: "Ansökta insatser måste anges som en lista" }),
    decided: z.array(text("Beslutad insats", MAX_LINE), { error: "Beslutade insatser måste anges som en lista" }),
    /** Hemsjukvård and hemtjänst that give the decided help. */
    bringInUnitIds,
  })
  .refine((p) => p.applied.length + p.decided.length > 0, {
    path: ["applied"],
    message: "Ange minst en ansökt eller beslutad insats",
  });

const uppdragHemsjukvard = z.object({
  tasks: text("Uppdraget"),
  from: isoDate("Startdatum"),
  /** The kommun's hemsjukvård that is not yet a party and gets the assignment. */
  bringInUnitIds,
});

const egenvardsbedomning = z.object({
  assessment: text("Bedömningen"),
  needsPracticalHelp: bool("om patienten behöver praktisk hjälp med egenvården"),
  /** Set by the biståndshandläggare's confirmation that help has been granted. */
  confirmedGranted: bool("om insatserna är beviljade").optional(),
});

const kallelseSip = z
  .object({
    meetingAt: isoDateTime("Mötestid"),
    place: optText("Platsen", MAX_LINE),
    video: bool("om mötet hålls via video"),
    videoLink: z
      .url({ protocol: /^https$/, error: "Videolänken måste vara en giltig https-adress" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** The parties called, picked from the case's parties; each answers (accepts or declines) in the case. */
    invitedUnitIds: optList(z.uuid({ error: "En kallad part måste vara en giltig enhetsreferens" }), "De kallade parterna").refine(
      (l) => !l || new Set(l).size === l.length,
      { error: "Samma part får bara kallas en gång" },
    ),
    /** Others taking part (the patient, närstående …), one per row; before the parties could be picked, every participant was a row. */
    participants: optList(text("Deltagare", MAX_LINE), "Övriga deltagare"),
    consentStatus: choice(["given", "refused", "unknown"], "samtyckesstatus"),
    /** When the plan is to be followed up. */
    followUpAt: isoDate("Uppföljningsdatum").optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.invitedUnitIds && !p.participants)
      ctx.addIssue({ code: "custom", path: ["invitedUnitIds"], message: "Kalla minst en part eller ange en deltagare" });
    if (!p.place && !p.video) ctx.addIssue({ code: "custom", path: ["place"], message: "Ange plats eller välj videomöte" });
    if (p.videoLink && !p.video) {
      ctx.addIssue({ code: "custom", path: ["videoLink"], message: "Videolänk kan bara anges för ett videomöte" });
    }
  });

const huvudman = (label: string) => choice(["region", "kommun"], label);

/** N17 (HSL 16 kap. 4 §, SoL 2 kap. 7 §): insatser, who answers for each, others' measures, overall responsibility. */
const sipPlan = z.object({
  interventions: z
    .array(
      z.object({
        what: text("Insatsen"),
        responsible: choice(["region", "kommun", "annan"], "ansvarig för insatsen"),
        by: optText("Utförare", MAX_LINE),
      }),
      { error: "Insatserna måste anges som en lista" },
    )
    .min(1, { error: "Ange minst en insats" }),
  overallResponsible: huvudman("huvudman med övergripande ansvar"),
  otherActorsMeasures: optText("Andra aktörers åtgärder"),
  goals: optText("Målen"),
  followUpAt: isoDate("Uppföljningsdatum").optional(),
  offeredToPatient: bool("om planen har erbjudits patienten"),
});

const utskrivningsklar = z.object({
  /** The physician's decision; the notice's own time is the message's time. */
  decidedAt: isoDateTime("Beslutstid"),
  decidedBy: text("Beslutande läkare", MAX_LINE),
  /** The physician picked from the unit's staff; absent when the name was typed in. */
  decidedByStaffId: z.uuid({ error: "Beslutande läkare måste vara en giltig personreferens" }).optional(),
});

const ejUtskrivningsklar = z.object({ reason: text("Orsaken") });

const kommunklar = z.object({
  ready: z.literal(true, { error: "Kommunklar kan bara anges som klar" }),
  comment: optText("Kommentaren"),
});

const utskrivningsdatum = z.object({
  dischargeAt: isoDateTime("Utskrivningstid"),
  transportBooked: bool("om transport är bokad").optional(),
});

const utskrivningsmeddelande = z
  .object({
    dischargedAt: isoDateTime("Utskrivningstid"),
    dischargePlan: text("Utskrivningsplanen"),
    /** The medication list as rows; a notice sent before the rows carries only the text below. */
    medications,
    /** More about the medicines (or, in an older notice, the whole list as text). */
    medicationList: optText("Övrigt om läkemedlen"),
    /** The patient goes home without medicines. */
    noMedications: z.boolean({ error: "Svaret på om patienten saknar läkemedel måste vara ja eller nej" }).optional(),
    aidsReturned: optText("Hjälpmedel och läkemedel som följer med"),
    /** Vistelseadress, when the patient goes somewhere else than the folkbokföringsadress. */
    stayAddress: optText("Vistelseadressen", MAX_LINE),
  })
  .superRefine((p, ctx) => {
    // The current medication list goes with the discharge notice (Region Sörmland, Reservrutin Link: "Säkerställa läkemedel").
    if (p.noMedications && p.medications) {
      ctx.addIssue({ code: "custom", path: ["medications"], message: "Ange antingen läkemedlen eller att patienten inte har några, inte båda" });
    } else if (!p.medications && !p.medicationList && !p.noMedications) {
      ctx.addIssue({ code: "custom", path: ["medications"], message: "Ange patientens läkemedel, eller att patienten inte har några" });
    }
  });

const generellt = z.object({ subject: text("Ämnet", MAX_LINE), text: text("Meddelandet") });

const avslut = z.object({
  reason: choice(CLOSE_REASONS, "orsak till avslut"),
  comment: optText("Kommentaren"),
});

export const MESSAGE_PAYLOAD_SCHEMAS = {
  samtycke,
  inskrivningsmeddelande: estimatedDate,
  andrat_utskrivningsdatum: estimatedDate,
  svar_pa_inskrivning: svarPaInskrivning,
  avvisning,
  planeringsunderlag,
  meddela_beslut: meddelaBeslut,
  uppdrag_hemsjukvard: uppdragHemsjukvard,
  egenvardsbedomning,
  kallelse_sip: kallelseSip,
  sip_plan: sipPlan,
  utskrivningsklar,
  ej_utskrivningsklar: ejUtskrivningsklar,
  kommunklar,
  utskrivningsdatum,
  utskrivningsmeddelande,
  generellt,
  avslut,
} as const satisfies Record<MessageKind, z.ZodType>;

export type MessagePayloads = { [K in MessageKind]: z.output<(typeof MESSAGE_PAYLOAD_SCHEMAS)[K]> };
export type MessagePayload<K extends MessageKind> = MessagePayloads[K];

/** What the payload's cross-field rules need to know beyond the form itself. */
export interface PayloadContext {
  senderRole?: PartyRole;
  /** The case's admission time: dates in the form may not lie before the admission day. */
  admittedAt?: Date;
  /** The send time: a physician's decision may not lie in the future. */
  now?: Date;
}

export interface PayloadError {
  /** Dotted path, e.g. "interventions.0.what"; "" for the whole payload. */
  path: string;
  /** Swedish */
  message: string;
}

export type PayloadResult<K extends MessageKind> = { ok: true; payload: MessagePayload<K> } | { ok: false; errors: PayloadError[] };

const swedishErrors = swedish().localeError;
/** Clocks of two machines differ a little; a decision "in the future" by less than this is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Validate a message's payload for its kind. Never throws. */
export function parseMessagePayload<K extends MessageKind>(kind: K, input: unknown, ctx: PayloadContext = {}): PayloadResult<K> {
  if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, errors: [{ path: "", message: "Okänd meddelandetyp" }] };
  }
  const schema: z.ZodType = MESSAGE_PAYLOAD_SCHEMAS[kind];
  const parsed = schema.safeParse(input ?? {}, { error: swedishErrors });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    };
  }
  const payload = parsed.data as MessagePayload<K>;
  const errors = contextErrors(kind, payload as Record<string, unknown>, ctx);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, payload };
}

function contextErrors(kind: MessageKind, p: Record<string, unknown>, ctx: PayloadContext): PayloadError[] {
  const errors: PayloadError[] = [];
  const admissionDay = ctx.admittedAt ? stockholmDate(ctx.admittedAt) : null;
  const notBeforeAdmissionDay = (field: string, label: string): void => {
    const value = p[field];
    if (admissionDay && typeof value === "string" && value < admissionDay) {
      errors.push({ path: field, message: `${label} kan inte ligga före inskrivningsdagen (${admissionDay})` });
    }
  };
  const notBeforeAdmission = (field: string, label: string): void => {
    const value = p[field];
    if (ctx.admittedAt && typeof value === "string" && Date.parse(value) < ctx.admittedAt.getTime()) {
      errors.push({ path: field, message: `${label} kan inte ligga före inskrivningen` });
    }
  };

  switch (kind) {
    case "inskrivningsmeddelande":
    case "andrat_utskrivningsdatum":
      notBeforeAdmissionDay("estimatedDischargeDate", "Beräknat utskrivningsdatum");
      break;
    case "uppdrag_hemsjukvard":
      notBeforeAdmissionDay("from", "Startdatum för uppdraget");
      break;
    case "svar_pa_inskrivning":
      if (ctx.senderRole && OUTPATIENT_PARTY_ROLES.includes(ctx.senderRole) && !p.fixedCareContactStaffId) {
        errors.push({
          path: "fixedCareContactStaffId",
          message: "Öppenvården ska utse en fast vårdkontakt i svaret på inskrivningsmeddelandet",
        });
      }
      if (ctx.senderRole && !OUTPATIENT_PARTY_ROLES.includes(ctx.senderRole) && p.fixedCareContactStaffId) {
        errors.push({
          path: "fixedCareContactStaffId",
          message: "Fast vårdkontakt utses av vårdcentralen eller den psykiatriska öppenvården",
        });
      }
      break;
    case "avvisning":
      if (p.reason === "ej_folkbokford" && ctx.senderRole && !["kommun", "hemsjukvard"].includes(ctx.senderRole)) {
        errors.push({ path: "reason", message: "Bara kommunen kan avvisa för att patienten inte är folkbokförd där" });
      }
      break;
    case "utskrivningsklar":
      notBeforeAdmission("decidedAt", "Beslutet om utskrivningsklar");
      if (ctx.now && typeof p.decidedAt === "string" && Date.parse(p.decidedAt) > ctx.now.getTime() + CLOCK_SKEW_MS) {
        errors.push({ path: "decidedAt", message: "Beslutet om utskrivningsklar kan inte ligga i framtiden" });
      }
      break;
    case "utskrivningsdatum":
      notBeforeAdmission("dischargeAt", "Utskrivningstiden");
      break;
    case "utskrivningsmeddelande":
      notBeforeAdmission("dischargedAt", "Utskrivningstiden");
      break;
    case "kallelse_sip":
      notBeforeAdmission("meetingAt", "Mötestiden");
      break;
    default:
      break;
  }
  return errors;
}
