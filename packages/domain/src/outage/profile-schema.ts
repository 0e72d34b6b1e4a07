import "../zod-csp";
import * as z from "zod";
// The Swedish locale alone: `z.locales.sv` would bring every locale zod has into the browser.
import swedish from "zod/v4/locales/sv.js";
import { PARTY_ROLES } from "../case/types";
import type { PayloadError } from "../case/payloads";
import { OUTAGE_SYSTEMS, PHONE_STEPS, type OutageSystem } from "./types";

/**
 * The routine profile's schema and types (see routine-profile.ts). Kept apart from the seeded
 * profiles so that profiles/*.ts can import the type without an import cycle.
 */

const MAX_LINE = 2_000;

const line = (label: string) =>
  z
    .string({ error: `${label} måste vara text` })
    .trim()
    .min(1, { error: `${label} måste fyllas i` })
    .max(MAX_LINE, { error: `${label} får vara högst ${MAX_LINE} tecken` });

const hours = (label: string, max: number) =>
  z
    .number({ error: `${label} måste vara ett tal (timmar)` })
    .min(0, { error: `${label} kan inte vara negativ` })
    .max(max, { error: `${label} får vara högst ${max} timmar` });

const paragraph = z.union(
  [
    line("Stycket"),
    z.object({ bullets: z.array(line("Punkten")).min(1, { error: "En punktlista behöver minst en punkt" }) }).strict(),
    z.object({ numbered: z.array(line("Steget")).min(1, { error: "En numrerad lista behöver minst ett steg" }) }).strict(),
  ],
  { error: "Ett stycke är text, en punktlista eller en numrerad lista" },
);

const section = z.object({
  heading: line("Rubriken"),
  paragraphs: z.array(paragraph).min(1, { error: "Ett avsnitt behöver minst ett stycke" }),
});

const followUpCall = z.object({
  /** The party that calls the patient, e.g. avdelning (48 h) or vårdcentral (7 days) in the Sörmland routine. */
  role: z.enum(PARTY_ROLES, { error: "Välj vilken part som ringer" }),
  within: z.union(
    [
      z.object({ hours: z.number().int().min(1, { error: "Ange minst 1 timme" }).max(720) }).strict(),
      z.object({ days: z.number().int().min(1, { error: "Ange minst 1 dag" }).max(60) }).strict(),
    ],
    { error: "Ange tiden i timmar eller dagar" },
  ),
  /** The checklist line, e.g. "Ring patienten inom 48 timmar efter utskrivningen". */
  text: line("Texten"),
});

const manualCheck = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/, { error: "Nyckeln får bara innehålla a–z, 0–9 och _" }),
  /** The checklist line, imperative Swedish. */
  text: line("Texten"),
  role: z.enum(PARTY_ROLES, { error: "Välj vilken part som ansvarar" }),
  /** Shown before the discharge, after it, or for the whole stay. */
  when: z.enum(["fore_utskrivning", "efter_utskrivning", "alltid"], { error: "Välj när punkten gäller" }),
});

const variant = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/, { error: "Nyckeln får bara innehålla a–z, 0–9 och _" }),
  /** e.g. "Samordningen fungerar inte, journalsystemet fungerar". */
  name: line("Namnet"),
  systems: z.array(z.enum(OUTAGE_SYSTEMS, { error: "Okänt system" })).min(1, { error: "Välj minst ett system" }),
  /** What differs in this kind of outage, as bullets shown with the banner and in the kit. */
  instructions: z.array(line("Instruktionen")).min(1, { error: "Ange minst en instruktion" }),
  /** Per phone step, what the routine says to do in this kind of outage (shown in "vem ska jag ringa"). */
  stepNotes: z.partialRecord(z.enum(PHONE_STEPS), line("Anvisningen")).default({}),
});

export const routineProfileSchema = z
  .object({
    regionHsaId: z.string().regex(/^SE\d{10}-[A-Za-z0-9]+$/, { error: "Ogiltigt HSA-id för regionen" }),
    regionName: line("Regionens namn"),
    /** The routine's name, e.g. "Reservrutin vid driftstörning". */
    name: line("Rutinens namn"),
    source: z.object({
      title: line("Källdokumentets titel"),
      decided: line("Beslutsuppgiften").nullable(),
      version: line("Versionen").nullable(),
    }),
    /** Outages shorter than this need no routine (Region Västernorrland, Avbrottsrutin Lifecare SP); 0 = the routine applies at once. */
    routineAppliesAfterHours: hours("Gränsen för när rutinen gäller", 72),
    /** The kommuner's representatives confirm or correct the contact list within this (Region Sörmland, Reservrutin Link: 6). */
    contactConfirmationHours: hours("Tiden för att bekräfta kontaktlistan", 72).refine((h) => h > 0, {
      error: "Tiden för att bekräfta kontaktlistan måste vara större än 0",
    }),
    /** Seed 002: no discharge until the receiving unit has confirmed it got the information. */
    dischargeRequiresReceiverConfirmation: z.boolean({ error: "Ange ja eller nej" }),
    /** Title of the one general message per existing case afterwards (Region Sörmland, Reservrutin Link). */
    summaryMessageTitle: line("Titeln på sammanfattningen").max(300, { error: "Titeln får vara högst 300 tecken" }),
    /**
     * Who sends the formal SIP kallelse agreed by phone: the unit that called (absent), or the
     * patient's primary care ("primarvarden": Region Västernorrland, Avbrottsrutin Lifecare SP —
     * "Öppenvårdens/primärvårdens ansvar vid efterregistrering: … skicka kallelse till SIP").
     */
    sipInvitationBy: z.enum(["primarvarden"], { error: "Välj vem som skickar kallelsen till SIP" }).optional(),
    /** Hours when the utskrivningsledare answer by phone, e.g. "07.30–16.15" (Region Sörmland, Reservrutin Link). */
    dischargeCoordinatorHours: line("Utskrivningsledarnas telefontider").nullable(),
    registerAfter: z.object({
      admission: z.boolean(),
      discharge: z.boolean(),
      /** Never (Region Västernorrland, Avbrottsrutin Lifecare SP): a ready notice is not registered after the fact. */
      readyForDischarge: z.literal(false, { error: "Utskrivningsklar efterregistreras aldrig" }),
      /**
       * false: never. "om_inte_klar_eller_hemma": a planning basis phoned during the outage is
       * registered unless the patient has become ready for discharge or gone home (Region
       * Västernorrland, Avbrottsrutin Lifecare SP: "Registreras inte: Planeringsunderlag (om
       * patienten blivit utskrivningsklar eller gått hem)").
       */
      planningBasis: z.union([z.literal(false), z.literal("om_inte_klar_eller_hemma")], { error: "Välj när planeringsunderlaget efterregistreras" }),
      /** A SIP date agreed by phone gets a formal kallelse (Region Västernorrland, Avbrottsrutin Lifecare SP). */
      sipCall: z.boolean(),
      /**
       * Primary care confirms the fast vårdkontakt afterwards, as an item of its own (Region
       * Västernorrland, Avbrottsrutin Lifecare SP: "Bekräfta fast vårdkontakt"). Off for a
       * profile saved before the setting existed.
       */
      fixedCareContact: z.boolean().default(false),
      /** Every message that arrived during or after the outage is acknowledged (Region Västernorrland, Avbrottsrutin Lifecare SP). */
      acknowledgeMessages: z.boolean(),
      /** One general message per case that existed before (Region Sörmland, Reservrutin Link). */
      summaryMessage: z.boolean(),
    }),
    followUpCalls: z.array(followUpCall),
    /** Checklist points of the routine that the user ticks off (no data in the system shows them done). */
    manualChecklist: z.array(manualCheck).default([]),
    variants: z.array(variant),
    sections: z.array(section).min(1, { error: "Rutinen behöver minst ett avsnitt" }),
  })
  .superRefine((p, ctx) => {
    const seen = new Map<OutageSystem, string>();
    p.variants.forEach((v, i) => {
      for (const s of v.systems) {
        const other = seen.get(s);
        if (other) ctx.addIssue({ code: "custom", path: ["variants", i, "systems"], message: `Systemet ingår redan i "${other}"` });
        seen.set(s, v.name);
      }
    });
    const checks = p.manualChecklist.map((c) => c.key);
    if (new Set(checks).size !== checks.length) ctx.addIssue({ code: "custom", path: ["manualChecklist"], message: "Nycklarna måste vara unika" });
    const keys = p.variants.map((v) => v.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["variants"], message: "Nycklarna måste vara unika" });
  });

export type RoutineProfile = z.output<typeof routineProfileSchema>;
export type RoutineProfileInput = z.input<typeof routineProfileSchema>;
export type RoutineSection = RoutineProfile["sections"][number];
export type RoutineParagraph = RoutineSection["paragraphs"][number];
export type RoutineVariant = RoutineProfile["variants"][number];
export type FollowUpCall = RoutineProfile["followUpCalls"][number];
export type ManualCheck = RoutineProfile["manualChecklist"][number];

export type ProfileResult = { ok: true; profile: RoutineProfile } | { ok: false; errors: PayloadError[] };

const swedishErrors = swedish().localeError;

/** Validate an administrator's edit of a profile. Never throws. */
export function parseRoutineProfile(input: unknown): ProfileResult {
  const parsed = routineProfileSchema.safeParse(input, { error: swedishErrors });
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) };
}
