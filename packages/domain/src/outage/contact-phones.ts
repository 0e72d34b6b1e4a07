import "../zod-csp";
import * as z from "zod";

/** The phone numbers of a contact-list entry as stored (`contact_entries.phones`, jsonb). */
export const storedPhonesSchema = z.array(z.string());

/**
 * The stored numbers back. The contact list is what people call from during an outage, so a
 * damaged value never fails the list: whatever entries are still text are kept (a partial list
 * still gives someone to call), anything else reads as no numbers.
 */
export function parseStoredPhones(value: unknown): string[] {
  const parsed = storedPhonesSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === "string") : [];
}
