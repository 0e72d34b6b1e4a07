import "../zod-csp";
import * as z from "zod";
import { CONSENT_KINDS, MESSAGE_KINDS } from "../case/types";

/**
 * What is stored with an after-registration item for its form (the jsonb column
 * `after_registration_items.prefill`), parsed on the way out. A part that does not parse falls
 * back to empty, so an odd row never stops a unit's whole list from showing.
 */
export const storedPrefillSchema = z.object({
  payload: z.record(z.string(), z.unknown()).catch({}),
  freeText: z.string().nullable().catch(null),
  /** What was said by phone that not every reader of the message may see: shown to the author, never sent. */
  privateNotes: z.string().nullable().optional().catch(null),
  consents: z.array(z.object({ kind: z.enum(CONSENT_KINDS), given: z.boolean() })).catch([]),
  notes: z.array(z.string()).catch([]),
  /** A summary: one message per group of recipients who may read the same (else the kind's defaults). */
  recipientGroups: z
    .array(z.object({ recipientUnitIds: z.array(z.string()), recipientNames: z.array(z.string()), text: z.string(), restricted: z.boolean() }))
    .optional()
    .catch(undefined),
  /** The message already in the case that the item may duplicate (the user confirms or dismisses). */
  possibleDuplicate: z
    .object({ messageId: z.string(), kind: z.enum(MESSAGE_KINDS), sentAt: z.string(), senderUnitId: z.string(), senderUnitName: z.string().nullable() })
    .optional()
    .catch(undefined),
  /** From when a message of the same kind counts as a duplicate (ISO), checked again at registration. */
  duplicateCheckFrom: z.string().optional().catch(undefined),
});
export type StoredPrefill = z.infer<typeof storedPrefillSchema>;
export const storedPrefill = (raw: unknown): StoredPrefill => storedPrefillSchema.parse(raw ?? {});
