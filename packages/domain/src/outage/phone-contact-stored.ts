import "../zod-csp";
import * as z from "zod";
import { CONSENT_KINDS } from "../case/types";
import { COUNTERPART_KINDS, PHONE_STEPS, type CounterpartKind, type PhoneContactDetails, type PhoneStep } from "./types";

/**
 * A logged phone contact's structured fields as stored (the jsonb columns `phone_contacts.steps`
 * and `.details`; `details` also keeps who was on the other end), parsed on the way out.
 */
export const storedPhoneStepsSchema = z.array(z.enum(PHONE_STEPS));

export const storedPhoneDetailsSchema = z.object({
  estimatedDischargeDate: z.string().optional(),
  dischargeAt: z.string().optional(),
  sipAt: z.string().optional(),
  consents: z.array(z.object({ kind: z.enum(CONSENT_KINDS), given: z.boolean() })).optional(),
  readyDecidedAt: z.string().optional(),
  counterpartKind: z.enum(COUNTERPART_KINDS).optional(),
});
export type StoredPhoneDetails = PhoneContactDetails & { counterpartKind?: CounterpartKind };

/** What the form gave, as it is stored. */
export function storedPhoneDetails(details: PhoneContactDetails, counterpartKind: CounterpartKind): StoredPhoneDetails {
  return { ...details, counterpartKind };
}

/** The stored columns back as the domain's fields. */
export function parseStoredPhoneContact(row: { steps: unknown; details: unknown }): {
  steps: PhoneStep[];
  details: PhoneContactDetails;
  counterpartKind?: CounterpartKind;
} {
  const { counterpartKind, ...details } = storedPhoneDetailsSchema.parse(row.details ?? {});
  return { steps: storedPhoneStepsSchema.parse(row.steps), details, ...(counterpartKind ? { counterpartKind } : {}) };
}
