import { PARTY_ROLES, type PartyRole } from "@vardkedjan/domain/case/types";
import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { PHONE_STEPS, PHONE_STEP_LABELS, type OutageSystem, type PhoneStep } from "@vardkedjan/domain/outage/types";
import type { ManualCheck, RoutineProfile } from "@vardkedjan/domain/outage/profile-schema";
import { paragraphsToText, textToParagraphs } from "@vardkedjan/domain/outage/profile-text";
import type { FieldError } from "../../kit/call-error";

/**
 * The routine form's draft: what the administrator edits, as text, and how it becomes the profile
 * the API takes (and how the parser's errors find their way back to the form's controls).
 */

/** Ids of this form's controls: `rp-` and the profile's path with dots as dashes (so ErrorSummary finds them). */
export const P = "rp";
export const fid = (path: string) => `${P}-${path.replace(/\./g, "-")}`;

export const WHEN_LABELS: Record<ManualCheck["when"], string> = {
  fore_utskrivning: "Före utskrivningen",
  efter_utskrivning: "Efter utskrivningen",
  alltid: "Under hela vårdtiden",
};
export const ROLE_OPTIONS = PARTY_ROLES.map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r].indefinite }));
export const WHEN_OPTIONS = (Object.keys(WHEN_LABELS) as ManualCheck["when"][]).map((w) => ({ value: w, label: WHEN_LABELS[w] }));

export const REGISTER_AFTER_LABELS = {
  admission: "Inskrivningar under driftstörningen registreras i efterhand",
  discharge: "Utskrivningar under driftstörningen registreras i efterhand",
  sipCall: "SIP-datum som bestämts per telefon får en formell kallelse",
  fixedCareContact: "Primärvården bekräftar patientens fasta vårdkontakt i efterhand",
  acknowledgeMessages: "Meddelanden som kommit in under eller efter driftstörningen kvitteras",
  summaryMessage: "Ärenden som fanns före driftstörningen får ett generellt meddelande med en sammanfattning",
} as const;
export type Switch = keyof typeof REGISTER_AFTER_LABELS;
export const SWITCHES = Object.keys(REGISTER_AFTER_LABELS) as Switch[];

let seq = 0;
/** A React key for a list row (never sent). */
export const rowId = () => `rad-${++seq}`;

export interface FollowUpRow {
  rowId: string;
  role: PartyRole | "";
  amount: string;
  unit: "hours" | "days";
  text: string;
}
export interface CheckRow {
  rowId: string;
  /** Kept as saved (ticked points are stored by it); made from the text for a new point. */
  key: string;
  text: string;
  role: PartyRole | "";
  when: ManualCheck["when"] | "";
}
export interface VariantRow {
  rowId: string;
  key: string;
  name: string;
  systems: OutageSystem[];
  /** One instruction per line. */
  instructions: string;
  stepNotes: Record<PhoneStep, string>;
}
export interface SectionRow {
  rowId: string;
  heading: string;
  /** Paragraphs apart by a blank line, "- " bullets, "1. " steps (profile-text.ts). */
  text: string;
}
export interface Draft {
  name: string;
  sourceTitle: string;
  sourceDecided: string;
  sourceVersion: string;
  routineAppliesAfterHours: string;
  contactConfirmationHours: string;
  dischargeRequiresReceiverConfirmation: "ja" | "nej";
  dischargeCoordinatorHours: string;
  summaryMessageTitle: string;
  registerAfter: Record<Switch, boolean>;
  /** Edited in AfterRegistrationSettings. */
  planningBasis: RoutineProfile["registerAfter"]["planningBasis"];
  sipInvitationBy: RoutineProfile["sipInvitationBy"];
  followUpCalls: FollowUpRow[];
  manualChecklist: CheckRow[];
  variants: VariantRow[];
  sections: SectionRow[];
}

export const emptyNotes = (): Record<PhoneStep, string> => Object.fromEntries(PHONE_STEPS.map((s) => [s, ""])) as Record<PhoneStep, string>;

export function toDraft(p: RoutineProfile): Draft {
  return {
    name: p.name,
    sourceTitle: p.source.title,
    sourceDecided: p.source.decided ?? "",
    sourceVersion: p.source.version ?? "",
    routineAppliesAfterHours: String(p.routineAppliesAfterHours).replace(".", ","),
    contactConfirmationHours: String(p.contactConfirmationHours).replace(".", ","),
    dischargeRequiresReceiverConfirmation: p.dischargeRequiresReceiverConfirmation ? "ja" : "nej",
    dischargeCoordinatorHours: p.dischargeCoordinatorHours ?? "",
    summaryMessageTitle: p.summaryMessageTitle,
    registerAfter: Object.fromEntries(SWITCHES.map((s) => [s, p.registerAfter[s]])) as Record<Switch, boolean>,
    planningBasis: p.registerAfter.planningBasis,
    sipInvitationBy: p.sipInvitationBy,
    followUpCalls: p.followUpCalls.map((f) => ({
      rowId: rowId(),
      role: f.role,
      amount: String("hours" in f.within ? f.within.hours : f.within.days),
      unit: "hours" in f.within ? "hours" : "days",
      text: f.text,
    })),
    manualChecklist: p.manualChecklist.map((c) => ({ rowId: rowId(), key: c.key, text: c.text, role: c.role, when: c.when })),
    variants: p.variants.map((v) => ({
      rowId: rowId(),
      key: v.key,
      name: v.name,
      systems: [...v.systems],
      instructions: v.instructions.join("\n"),
      stepNotes: { ...emptyNotes(), ...v.stepNotes },
    })),
    sections: p.sections.map((s) => ({ rowId: rowId(), heading: s.heading, text: paragraphsToText(s.paragraphs) })),
  };
}

/** "12", "1,5" → a number; empty → null; anything else is sent as typed, for the parser's Swedish message. */
function num(s: string): number | string | null {
  const t = s.trim().replace(",", ".");
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : s;
}

/** A key from the first words of a text: lower case a–z, 0–9 and _, unique among `taken`. */
function keyFrom(text: string, fallback: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .split("_")
      .slice(0, 4)
      .join("_") || fallback;
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

/** The draft as the profile the API takes (not yet validated). */
export function toProfile(d: Draft, region: { hsaId: string; name: string }): Record<string, unknown> {
  const checkKeys = new Set(d.manualChecklist.map((c) => c.key).filter(Boolean));
  const variantKeys = new Set(d.variants.map((v) => v.key).filter(Boolean));
  return {
    regionHsaId: region.hsaId,
    regionName: region.name,
    name: d.name,
    source: { title: d.sourceTitle, decided: d.sourceDecided.trim() || null, version: d.sourceVersion.trim() || null },
    routineAppliesAfterHours: num(d.routineAppliesAfterHours),
    contactConfirmationHours: num(d.contactConfirmationHours),
    dischargeRequiresReceiverConfirmation: d.dischargeRequiresReceiverConfirmation === "ja",
    summaryMessageTitle: d.summaryMessageTitle,
    dischargeCoordinatorHours: d.dischargeCoordinatorHours.trim() || null,
    registerAfter: { ...d.registerAfter, readyForDischarge: false, planningBasis: d.planningBasis },
    ...(d.sipInvitationBy ? { sipInvitationBy: d.sipInvitationBy } : {}),
    followUpCalls: d.followUpCalls.map((f) => ({ role: f.role || undefined, within: { [f.unit]: num(f.amount) }, text: f.text })),
    manualChecklist: d.manualChecklist.map((c, i) => ({
      key: c.key || keyFrom(c.text, `punkt_${i + 1}`, checkKeys),
      text: c.text,
      role: c.role || undefined,
      when: c.when || undefined,
    })),
    variants: d.variants.map((v, i) => ({
      key: v.key || keyFrom(v.name, `variant_${i + 1}`, variantKeys),
      name: v.name,
      systems: v.systems,
      instructions: v.instructions
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
      stepNotes: Object.fromEntries(PHONE_STEPS.filter((s) => v.stepNotes[s].trim()).map((s) => [s, v.stepNotes[s]])),
    })),
    sections: d.sections.map((s) => ({ heading: s.heading, paragraphs: textToParagraphs(s.text) })),
  };
}

/**
 * Where an error belongs on this form: the parser names the profile's data, the form has its own
 * controls (a list item's lines in one text box, a generated key under its text). List errors say
 * which item they concern.
 */
export function placeError(e: FieldError): FieldError {
  const [top, a, b, c] = e.path.split(".");
  const n = Number(a) + 1;
  if (top === "regionHsaId" || top === "regionName") return { path: "", message: e.message };
  if (top === "followUpCalls" && a !== undefined) {
    const field = b === "within" ? "within" : (b ?? "role");
    return { path: `followUpCalls.${a}.${field}`, message: `Uppföljande samtal ${n}: ${e.message}` };
  }
  if (top === "manualChecklist" && a !== undefined) {
    const field = b === "key" || !b ? "text" : b;
    return { path: `manualChecklist.${a}.${field}`, message: `Punkt ${n} i checklistan: ${e.message}` };
  }
  if (top === "variants" && a !== undefined) {
    if (b === "instructions")
      return {
        path: `variants.${a}.instructions`,
        message: `Slag av driftstörning ${n}: ${c !== undefined ? `instruktion ${Number(c) + 1}: ` : ""}${e.message}`,
      };
    if (b === "stepNotes" && c)
      return { path: `variants.${a}.stepNotes.${c}`, message: `Slag av driftstörning ${n}, ${PHONE_STEP_LABELS[c as PhoneStep] ?? c}: ${e.message}` };
    const field = b === "key" || !b ? "name" : b;
    return { path: `variants.${a}.${field}`, message: `Slag av driftstörning ${n}: ${e.message}` };
  }
  if (top === "sections" && a !== undefined) {
    if (b === "heading") return { path: `sections.${a}.heading`, message: `Avsnitt ${n}: ${e.message}` };
    return { path: `sections.${a}.text`, message: `Avsnitt ${n}${c !== undefined && b === "paragraphs" ? `, stycke ${Number(c) + 1}` : ""}: ${e.message}` };
  }
  return e;
}

/** The lists of the draft, each edited as rows. */
export type RowListName = "followUpCalls" | "manualChecklist" | "variants" | "sections";

/** What a section of the form gets from the editor: the draft, its setters and the errors. */
export interface SectionProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  setRow: <K extends RowListName>(list: K, i: number, patch: Partial<Draft[K][number]>) => void;
  /** Appends a row and moves focus to its first control (`focusField` under the new row). */
  addRow: <K extends RowListName>(list: K, row: Draft[K][number], focusField: string) => void;
  removeRow: (list: RowListName, i: number) => void;
  focusSoon: (id: string) => void;
  error: (path: string) => string | undefined;
}
