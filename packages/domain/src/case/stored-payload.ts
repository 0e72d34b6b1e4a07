import "../zod-csp";
import * as z from "zod";
import { MESSAGE_PAYLOAD_SCHEMAS } from "./payloads";
import type { MessageKind } from "./types";

/** A message payload as read back from `messages.payload` (jsonb): an object of its kind's fields. */
export type StoredMessagePayload = Record<string, unknown>;

const storedObject = z.record(z.string(), z.unknown());

/**
 * A stored payload back, parsed with its kind's schema. A message is immutable history: what was
 * sent must still be shown after a schema has tightened (a field made required, a choice renamed).
 * So a payload that no longer parses is not refused but kept as it was stored (only a value that
 * is not an object at all reads as empty); the case view's visibility rules still decide, key by
 * key, what a reader sees of it. A separate "stored" variant of each schema was not chosen: it
 * would be a second copy of every form's fields to keep in step, for no gain over this fallback.
 *
 * Structure added to a form is added so that what was stored before still parses, and no stored
 * JSON is migrated: every new field is optional, and the free-text field it grew from keeps its
 * key and meaning (the planning basis's `adlStatus`, `aids`, `homeSituation`; the answer's
 * `currentServices`; the SIP call's `participants`; the discharge notice's `medicationList`),
 * shown as "Övrigt om …" beside the structured fields. A message is a signed-off record of what
 * was sent: rewriting it in place would change history that parties have acknowledged.
 * Never throws.
 */
export function readStoredPayload(kind: MessageKind, raw: unknown): StoredMessagePayload {
  const schema: z.ZodType = MESSAGE_PAYLOAD_SCHEMAS[kind] ?? storedObject;
  const parsed = schema.safeParse(raw);
  if (parsed.success && storedObject.safeParse(parsed.data).success) return parsed.data as StoredMessagePayload;
  const fallback = storedObject.safeParse(raw);
  return fallback.success ? fallback.data : {};
}
