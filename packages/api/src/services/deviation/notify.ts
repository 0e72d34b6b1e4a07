import { schema, and, eq, isNotNull, isNull, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { DEVIATION_LIST_PATH, DEVIATION_PORTAL } from "@vardkedjan/domain/deviation/access";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { sendToEach, type Mailer } from "../../mail/mailer";
import { deviationNoticeMail } from "../../mail/templates";

export interface PendingDeviationMail {
  deviationId: string;
  /** The receiving organisation's portal, for the link to its list. */
  portal: Portal;
  recipients: string[];
}

/**
 * Who is told by e-mail that a deviation has arrived: the receiving organisation's addresses in
 * "Kontaktlista driftstörning", which each organisation keeps current (and confirms on every
 * major outage, Region Sörmland, Reservrutin Link):
 * - its designated representatives (a kommun's, in the demo its delegated administrators), and
 * - when the receiver is the region of the case's hospital, the function mailbox of the
 *   hospital's entry, which is the utskrivningsledare's (Reservrutin Link).
 * No separate address book to keep; an organisation without either gets no e-mail, and the
 * deviation records why (`notifyError`). The deviation itself is always in the receiver's list.
 */
export async function pendingDeviationMail(tx: DbOrTx, deviationId: string): Promise<PendingDeviationMail | null> {
  const [d] = await tx
    .select({
      receiverOrganisationId: schema.deviations.receiverOrganisationId,
      receiverKind: schema.organisations.kind,
      hospitalUnitId: schema.coordinationCases.hospitalUnitId,
    })
    .from(schema.deviations)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.deviations.receiverOrganisationId))
    .innerJoin(schema.coordinationCases, eq(schema.coordinationCases.id, schema.deviations.caseId))
    .where(eq(schema.deviations.id, deviationId));
  if (!d) return null;
  const reps = await tx
    .select({ email: schema.contactRepresentatives.email })
    .from(schema.contactRepresentatives)
    .where(and(eq(schema.contactRepresentatives.organisationId, d.receiverOrganisationId), eq(schema.contactRepresentatives.active, true)));
  const hospital = await tx
    .select({ mailbox: schema.contactEntries.functionMailbox })
    .from(schema.contactEntries)
    .where(
      and(
        eq(schema.contactEntries.organisationId, d.receiverOrganisationId),
        eq(schema.contactEntries.unitId, d.hospitalUnitId),
        isNull(schema.contactEntries.supersededAt),
        eq(schema.contactEntries.removed, false),
        isNotNull(schema.contactEntries.functionMailbox),
      ),
    );
  const recipients = [...new Set([...reps.map((r) => r.email), ...hospital.map((h) => h.mailbox!)].map((a) => a.trim()).filter(Boolean))].sort();
  return { deviationId, portal: DEVIATION_PORTAL[d.receiverKind], recipients };
}

/** Sends the notice (after commit) and records on the deviation that it was sent, or why not. */
export async function mailDeviationNotice(
  db: Db,
  mailer: Mailer | null,
  pending: PendingDeviationMail,
  portalUrls: Partial<Record<Portal, string>>,
): Promise<void> {
  const error =
    mailer && pending.recipients.length === 0
      ? "Mottagande organisation har ingen e-postadress i kontaktlistan."
      : await sendToEach(mailer, pending.recipients, () => deviationNoticeMail({ listUrl: `${portalUrls[pending.portal] ?? ""}${DEVIATION_LIST_PATH}` }));
  await db
    .update(schema.deviations)
    .set(error ? { notifyError: error } : { notifiedAt: new Date(), notifyError: null })
    .where(eq(schema.deviations.id, pending.deviationId));
}
