import { CARE_PURPOSE } from "../identity/evaluate";

/** One HSA commission (medarbetaruppdrag) of a person: at which unit, for what purpose. */
export interface CommissionAtUnit {
  unitHsaId: string;
  purpose: string;
}

/**
 * The fast vårdkontakt named by the answering vårdcentral or psychiatric outpatient unit must be a
 * person with a care commission ("Vård och behandling") at that unit: the people the answer
 * form offers, and the only ones an answer may name.
 */
export function mayBeFixedCareContact(commissions: readonly CommissionAtUnit[], unitHsaId: string): boolean {
  return commissions.some((c) => c.unitHsaId === unitHsaId && c.purpose === CARE_PURPOSE);
}

export const FIXED_CARE_CONTACT_REFUSAL = "Fast vårdkontakt måste vara en person med uppdrag vid din enhet.";
