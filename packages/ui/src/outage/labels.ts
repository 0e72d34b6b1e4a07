import type { RouterOutputs } from "@vardkedjan/api";

/** The API's shapes, never restated. */
export type ActiveOutage = RouterOutputs["outage"]["current"][number];
export type OutageListRow = RouterOutputs["outage"]["list"][number];
export type OutageDetail = RouterOutputs["outage"]["get"];
export type ConfirmationRow = RouterOutputs["outage"]["confirmations"][number];
export type ContactList = RouterOutputs["contacts"]["list"];
export type ContactEntry = ContactList["entries"][number];
/** What the grouped list needs of an entry (no version bookkeeping): the API's entries and the stored offline copy both fit. */
export type ContactRow = Omit<ContactEntry, "entryId" | "version" | "validFrom">;
export type AfterRegistrationList = RouterOutputs["outage"]["afterRegistration"];
export type AfterRegistrationEntry = AfterRegistrationList["items"][number];
export type CaseGuidance = RouterOutputs["outage"]["callGuidance"];
export type RegionUnits = RouterOutputs["admin"]["units"];

export const OUTAGE_SYSTEM_OPTIONS = ["journalsystem", "samordning", "vardkedjan_planerat", "inloggning", "integration"] as const;
export type OutageSystemValue = (typeof OUTAGE_SYSTEM_OPTIONS)[number];

/** What is down, as the administrator chooses it and as the banner says it. */
export const OUTAGE_SYSTEM_LABEL: Record<OutageSystemValue, string> = {
  journalsystem: "Journalsystemet (t.ex. Cosmic)",
  samordning: "Samordningssystemet",
  vardkedjan_planerat: "Vårdkedjan – planerat underhåll",
  inloggning: "Inloggning/SITHS",
  integration: "Annan integration",
};

export function systemLabel(system: string, detail?: string | null): string {
  const base = (OUTAGE_SYSTEM_LABEL as Record<string, string>)[system] ?? system;
  return detail ? `${base}: ${detail}` : base;
}

export const OUTAGE_STATUS_LABEL: Record<string, string> = {
  foreslagen: "Föreslagen",
  pagaende: "Pågår",
  avslutad: "Avslutad",
  avvisad: "Avvisad",
};

export function scopeLabel(scope: "region" | "units", regionName?: string | null, unitCount?: number): string {
  if (scope === "region") return regionName ? `Hela ${regionName}` : "Hela regionen";
  return unitCount ? `${unitCount} ${unitCount === 1 ? "vald enhet" : "valda enheter"}` : "Valda enheter";
}

export const AFTER_REGISTRATION_KIND_LABEL: Record<string, string> = {
  register_admission: "Registrera inskrivning",
  register_discharge: "Registrera utskrivning",
  register_planning_basis: "Registrera planeringsunderlag",
  formal_sip_call: "Formell kallelse till SIP",
  confirm_fixed_care_contact: "Bekräfta fast vårdkontakt",
  summary_message: "Sammanfattning av samordning under driftstörning",
  acknowledge: "Kvittera meddelande",
};

/** The fixed localStorage key of the contact list kept for the offline page. */
export const OFFLINE_CONTACTS_KEY = "vk-kontaktlista-offline";

export interface StoredContactList {
  fetchedAt: string;
  list: {
    regionName: string;
    version: number;
    validFrom: string | null;
    entries: ContactRow[];
  };
}
