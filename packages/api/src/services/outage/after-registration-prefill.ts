import { z } from "zod";

/** What is stored with an after-registration item for its form (jsonb, parsed on the way out). */
const storedPrefillSchema = z.object({
  payload: z.record(z.string(), z.unknown()).catch({}),
  freeText: z.string().nullable().catch(null),
  /** What was said by phone that not every reader of the message may see: shown to the author, never sent. */
  privateNotes: z.string().nullable().optional().catch(null),
  consents: z.array(z.object({ kind: z.string(), given: z.boolean() })).catch([]),
  notes: z.array(z.string()).catch([]),
  /** A summary: one message per group of recipients who may read the same (else the kind's defaults). */
  recipientGroups: z
    .array(z.object({ recipientUnitIds: z.array(z.string()), recipientNames: z.array(z.string()), text: z.string(), restricted: z.boolean() }))
    .optional()
    .catch(undefined),
  /** The message already in the case that the item may duplicate (the user confirms or dismisses). */
  possibleDuplicate: z
    .object({ messageId: z.string(), kind: z.string(), sentAt: z.string(), senderUnitId: z.string(), senderUnitName: z.string().nullable() })
    .optional()
    .catch(undefined),
  /** From when a message of the same kind counts as a duplicate (ISO), checked again at registration. */
  duplicateCheckFrom: z.string().optional().catch(undefined),
});
export type StoredPrefill = z.infer<typeof storedPrefillSchema>;
export const storedPrefill = (raw: unknown): StoredPrefill => storedPrefillSchema.parse(raw ?? {});
