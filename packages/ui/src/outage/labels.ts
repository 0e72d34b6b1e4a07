import type { RouterOutputs } from "@vardkedjan/api";
import { OUTAGE_SYSTEM_LABELS, type OutageScopeKind, type OutageSystem } from "@vardkedjan/domain/outage/types";

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

/** What is down, with the administrator's detail ("Journalsystemet: Cosmic i Sundsvall"). */
export function systemLabel(system: OutageSystem, detail?: string | null): string {
  const base = OUTAGE_SYSTEM_LABELS[system];
  return detail ? `${base}: ${detail}` : base;
}

export function scopeLabel(scope: OutageScopeKind, regionName?: string | null, unitCount?: number): string {
  if (scope === "region") return regionName ? `Hela ${regionName}` : "Hela regionen";
  return unitCount ? `${unitCount} ${unitCount === 1 ? "vald enhet" : "valda enheter"}` : "Valda enheter";
}

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
