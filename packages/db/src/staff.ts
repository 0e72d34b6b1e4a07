import { and, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { staffCommissions } from "./schema/identity";

export interface StaffCommission {
  commissionHsaId: string;
  unitHsaId: string;
  purpose: string;
}

/** Replaces a person's known commissions with the ones just seen (at login, or in the demo data). */
export async function setStaffCommissions(db: DbOrTx, staffId: string, commissions: StaffCommission[]): Promise<void> {
  const ids = commissions.map((c) => c.commissionHsaId);
  await db
    .delete(staffCommissions)
    .where(ids.length ? and(eq(staffCommissions.staffId, staffId), notInArray(staffCommissions.commissionHsaId, ids)) : eq(staffCommissions.staffId, staffId));
  if (commissions.length === 0) return;
  await db
    .insert(staffCommissions)
    .values(commissions.map((c) => ({ staffId, ...c })))
    .onConflictDoUpdate({
      target: [staffCommissions.staffId, staffCommissions.commissionHsaId],
      set: { unitHsaId: sql`excluded.unit_hsa_id`, purpose: sql`excluded.purpose`, updatedAt: sql`now()` },
      setWhere: sql`(${staffCommissions.unitHsaId}, ${staffCommissions.purpose}) is distinct from (excluded.unit_hsa_id, excluded.purpose)`,
    });
}
