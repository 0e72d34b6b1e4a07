import { UNIT_KINDS, type UnitKind } from "../identity/types";
import { isValidHsaId } from "../identity/hsa-id";

/** Swedish names of the unit kinds, singular (a unit's kind in a table or a form). */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  sjukhus: "Sjukhus",
  vardavdelning: "Vårdavdelning",
  vardcentral: "Vårdcentral",
  psykiatrisk_oppenvard: "Psykiatrisk öppenvård",
  bistandsenhet: "Biståndsenhet",
  hemsjukvard: "Hemsjukvård",
  hemtjanstgrupp: "Hemtjänstgrupp",
  forvaltning: "Förvaltningsenhet",
};

/** A unit kind from its code or its Swedish name (any case), as an import file may give either. */
export function parseUnitKind(value: string): UnitKind | null {
  const v = value.trim().toLowerCase();
  const byCode = UNIT_KINDS.find((k) => k === v);
  if (byCode) return byCode;
  return UNIT_KINDS.find((k) => UNIT_KIND_LABELS[k].toLowerCase() === v) ?? null;
}

/**
 * A Swedish phone number as typed for a contact list: digits, spaces, hyphens, brackets, an
 * optional leading +. The same rule as the outage contact list's numbers.
 */
export const PHONE_PATTERN = /^[+0-9][0-9 ()-]{4,24}$/;
export const PHONE_MESSAGE = "Telefonnummer får bara innehålla siffror, mellanslag, bindestreck och +";

export function isValidPhone(value: string): boolean {
  return PHONE_PATTERN.test(value);
}

/** Swedish postal code: five digits, often written "631 86". */
const POSTAL_CODE = /^\d{3} ?\d{2}$/;
const MAILBOX = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The attributes kept for a unit in our mirror of the HSA tree that an administrator edits. */
export interface UnitAttributes {
  name: string;
  phone: string | null;
  switchboard: string | null;
  openingHours: string | null;
  functionMailbox: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface UnitFieldError {
  path: keyof UnitAttributes | "hsaId" | "kind" | "parentId";
  message: string;
}

const trimmed = (v: string | null | undefined) => (v ?? "").trim();

/** Trims every attribute; empty optional ones become null. */
export function normaliseUnitAttributes(input: UnitAttributes): UnitAttributes {
  const opt = (v: string | null) => trimmed(v) || null;
  return {
    name: trimmed(input.name),
    phone: opt(input.phone),
    switchboard: opt(input.switchboard),
    openingHours: opt(input.openingHours),
    functionMailbox: opt(input.functionMailbox),
    streetAddress: opt(input.streetAddress),
    postalCode: opt(input.postalCode),
    city: opt(input.city),
  };
}

/** Field by field, in Swedish: what is wrong with a unit's attributes (empty when nothing). */
export function validateUnitAttributes(raw: UnitAttributes): UnitFieldError[] {
  const a = normaliseUnitAttributes(raw);
  const errors: UnitFieldError[] = [];
  if (!a.name) errors.push({ path: "name", message: "Ange enhetens namn" });
  else if (a.name.length > 200) errors.push({ path: "name", message: "Namnet får vara högst 200 tecken" });
  if (a.phone && !isValidPhone(a.phone)) errors.push({ path: "phone", message: PHONE_MESSAGE });
  if (a.switchboard && !isValidPhone(a.switchboard)) errors.push({ path: "switchboard", message: `Växelnumret: ${PHONE_MESSAGE.toLowerCase()}` });
  if (a.openingHours && a.openingHours.length > 200) errors.push({ path: "openingHours", message: "Öppettiderna får vara högst 200 tecken" });
  if (a.functionMailbox && !MAILBOX.test(a.functionMailbox))
    errors.push({ path: "functionMailbox", message: "Funktionsbrevlådan ska vara en e-postadress, t.ex. enheten@kommun.se" });
  if (a.streetAddress && a.streetAddress.length > 200) errors.push({ path: "streetAddress", message: "Gatuadressen får vara högst 200 tecken" });
  if (a.postalCode && !POSTAL_CODE.test(a.postalCode)) errors.push({ path: "postalCode", message: "Ange postnumret med fem siffror, t.ex. 631 86" });
  if (a.city && a.city.length > 100) errors.push({ path: "city", message: "Orten får vara högst 100 tecken" });
  return errors;
}

/**
 * The HSA catalogue that issued an organisation's HSA-ids: the part before the hyphen
 * (`SE2120000357` for `SE2120000357-VG`). A unit of the organisation carries the same prefix.
 */
export function hsaCatalogueOf(hsaId: string): string {
  return hsaId.split("-")[0] ?? hsaId;
}

/** Whether a new unit's HSA-id is well formed and issued by the organisation's catalogue; Swedish reason when not. */
export function checkNewUnitHsaId(hsaId: string, organisationHsaId: string): string | null {
  const id = hsaId.trim();
  if (!id) return "Ange enhetens HSA-id";
  if (!isValidHsaId(id)) return `HSA-id ${id} har fel form (t.ex. SE2120000357-ABC1)`;
  if (hsaCatalogueOf(id) !== hsaCatalogueOf(organisationHsaId))
    return `HSA-id ${id} hör inte till organisationens HSA-katalog (${hsaCatalogueOf(organisationHsaId)})`;
  return null;
}
