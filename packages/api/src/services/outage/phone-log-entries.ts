import { schema, asc, eq, type DbOrTx } from "@vardkedjan/db/client";
import type { PhoneContactEntry } from "@vardkedjan/domain/outage/types";
import { parseStoredPhoneContact } from "@vardkedjan/domain/outage/phone-contact-stored";

/** The logged phone contacts of an outage or of a case, oldest first, as the domain's rules take them. */
export async function loadPhoneLog(db: DbOrTx, of: { outageId: string } | { caseId: string }): Promise<PhoneContactEntry[]> {
  const where = "outageId" in of ? eq(schema.phoneContacts.outageId, of.outageId) : eq(schema.phoneContacts.caseId, of.caseId);
  const rows = await db.select().from(schema.phoneContacts).where(where).orderBy(asc(schema.phoneContacts.occurredAt));
  return rows.map((p) => {
    const { steps, details, counterpartKind } = parseStoredPhoneContact(p);
    return {
      id: p.id,
      outageId: p.outageId,
      caseId: p.caseId,
      patientId: p.patientId,
      unitId: p.unitId,
      occurredAt: p.occurredAt,
      counterpartKind,
      counterpartName: p.counterpartName,
      counterpartUnitId: p.counterpartUnitId,
      counterpartUnitText: p.counterpartUnitText,
      steps,
      direction: p.direction,
      comment: p.comment,
      receiverConfirmed: p.receiverConfirmed,
      details,
      signedByStaffId: p.signedByStaffId,
    };
  });
}
