import { CONSENT_KIND_LABELS } from "../case/labels";
import { stockholmDateTime } from "../time/format";
import { lowerFirst } from "../text/swedish";
import { PHONE_STEP_LABELS, type PhoneContactEntry, type PhoneStep } from "./types";

/**
 * The Swedish text drafted from the phone log: one line per call, for the general message
 * "Sammanfattning av samordning under driftstörning" (Region Sörmland, Reservrutin Link) and for the free text beside an
 * after-registered message. The user reads and may edit it before sending.
 */

export type UnitName = (unitId: string) => string | undefined;

const iso = (s: string | undefined): string | null => {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : stockholmDateTime(new Date(t));
};

function stepText(entry: PhoneContactEntry, step: PhoneStep): string {
  const d = entry.details ?? {};
  const label = PHONE_STEP_LABELS[step];
  switch (step) {
    case "beraknat_utskrivningsdatum":
      return d.estimatedDischargeDate ? `${label} ${d.estimatedDischargeDate}` : label;
    case "faktiskt_utskrivningsdatum":
    case "utskrivningsmeddelande": {
      const at = iso(d.dischargeAt);
      return at && step === "faktiskt_utskrivningsdatum" ? `${label} ${at}` : label;
    }
    case "sip_datum": {
      const at = iso(d.sipAt);
      return at ? `SIP-möte ${at}` : label;
    }
    case "utskrivningsklar": {
      const at = iso(d.readyDecidedAt);
      return at ? `${label} (beslut ${at})` : label;
    }
    case "samtycke": {
      const consents = (d.consents ?? []).map((c) => `${lowerFirst(CONSENT_KIND_LABELS[c.kind])}: ${c.given ? "ja" : "nej"}`);
      return consents.length > 0 ? `${label} (${consents.join(", ")})` : label;
    }
    default:
      return label;
  }
}

/** "2026-03-02 09:15, lämnat till Anna Berg (Biståndsenheten Eskilstuna): Inskrivning, … Kommentar: …" */
export function describePhoneEntry(entry: PhoneContactEntry, unitName: UnitName): string {
  const patient = entry.counterpartKind === "patient";
  const unit = patient ? null : ((entry.counterpartUnitId ? unitName(entry.counterpartUnitId) : undefined) ?? entry.counterpartUnitText ?? null);
  const who = patient ? `patienten (${entry.counterpartName})` : `${entry.counterpartName}${unit ? ` (${unit})` : ""}`;
  const verb = entry.direction === "lamnat" ? "lämnat till" : "mottaget från";
  const steps = entry.steps.map((s) => stepText(entry, s)).join(", ");
  const parts = [`${stockholmDateTime(entry.occurredAt)}, ${verb} ${who}: ${steps}.`];
  if (entry.direction === "lamnat" && entry.receiverConfirmed && !patient) parts.push("Mottagaren bekräftade.");
  if (entry.comment) parts.push(`Kommentar: ${entry.comment}`);
  return parts.join(" ");
}

/** The body of the summary message: a heading line with the period, then the calls in time order. */
export function draftSummaryText(input: { from: Date; to: Date; loggingUnitName?: string; entries: readonly PhoneContactEntry[]; unitName: UnitName }): string {
  const head = `Sammanfattning av samordningen under driftstörningen ${stockholmDateTime(input.from)}–${stockholmDateTime(input.to)}.`;
  const by = input.loggingUnitName ? `Samtal loggade av ${input.loggingUnitName}:` : "Loggade samtal:";
  return [head, by, ...input.entries.map((e) => `– ${describePhoneEntry(e, input.unitName)}`)].join("\n");
}

/** Free text beside an after-registered message: what was said by phone. */
export function draftPhoneNote(entries: readonly PhoneContactEntry[], unitName: UnitName): string | undefined {
  if (entries.length === 0) return undefined;
  return ["Meddelat per telefon under driftstörningen:", ...entries.map((e) => `– ${describePhoneEntry(e, unitName)}`)].join("\n");
}
