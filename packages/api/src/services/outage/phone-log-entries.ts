import { schema, asc, eq, type DbOrTx } from "@vardkedjan/db/client";
import type { PhoneContactEntry } from "@vardkedjan/domain/outage/types";

/** The logged phone contacts of an outage or of a case, oldest first, as the domain's rules take them. */
export async function loadPhoneLog(db: DbOrTx, of: { outageId: string } | { caseId: string }): Promise<PhoneContactEntry[]> {
  const where = "outageId" in of ? eq(schema.phoneContacts.outageId, of.outageId) : eq(schema.phoneContacts.caseId, of.caseId);
  const rows = await db.select().from(schema.phoneContacts).where(where).orderBy(asc(schema.phoneContacts.occurredAt));
  return rows.map((p) => ({
    id: p.id,
    outageId: p.outageId,
    caseId: p.caseId,
    patientId: p.patientId,
    unitId: p.unitId,
    occurredAt: p.occurredAt,
    counterpartKind: (p.details as { counterpartKind?: PhoneContactEntry["counterpartKind"] }).counterpartKind,
    counterpartName: p.counterpartName,
    counterpartUnitId: p.counterpartUnitId,
    counterpartUnitText: p.counterpartUnitText,
    steps: p.steps as PhoneContactEntry["steps"],
    direction: p.direction,
    comment: p.comment,
    receiverConfirmed: p.receiverConfirmed,
    details: p.details as PhoneContactEntry["details"],
    signedByStaffId: p.signedByStaffId,
  }));
}
