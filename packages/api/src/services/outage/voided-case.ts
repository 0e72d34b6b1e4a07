import { schema, and, eq, type Tx } from "@vardkedjan/db/client";

/**
 * A case closed as wrongly created takes its open after-registration items with it: they are
 * marked "makulerad" in the closing transaction (kept, not deleted, so the outage report still
 * shows what was listed).
 */
export async function voidOpenAfterRegistrationItems(tx: Tx, caseId: string): Promise<number> {
  const voided = await tx
    .update(schema.afterRegistrationItems)
    .set({ status: "makulerad" })
    .where(and(eq(schema.afterRegistrationItems.caseId, caseId), eq(schema.afterRegistrationItems.status, "att_gora")))
    .returning({ id: schema.afterRegistrationItems.id });
  return voided.length;
}
