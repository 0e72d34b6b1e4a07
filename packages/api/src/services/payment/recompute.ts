import { schema, and, desc, eq, inArray, isNull, sql, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { loadManyCaseFacts } from "../case/facts";
import { casesWithReadyNotice, computeForCase, loadPaymentReference, municipalityCodesOf, writeCasePayment } from "./store";

/**
 * A new agreement version changes how a region's stays are judged, and at national scale that is
 * hundreds of thousands of cases: too much for the request that saves the version. The save adds a
 * row to payment_recomputations (in its own transaction, so the request and the version stand or
 * fall together); a background job (jobs/portal-jobs.ts) takes the pending rows region by region
 * and stores every case's payment rows again, in short batches.
 *
 * A batch locks its cases (`for update`, as sending a message does) before reading their messages,
 * so a message sent meanwhile is either in what the batch reads or recomputed by its own
 * transaction after the batch: a case never ends up with rows from older messages. A version saved
 * while a run is going leaves its own pending row, and the next run takes it.
 */

const BATCH = 500;

/** In the agreement's transaction: the region's figures are to be recomputed. */
export async function requestRecomputation(
  tx: DbOrTx,
  input: { regionId: string; agreementId: string | null; staffId: string | null },
  now: Date,
): Promise<void> {
  await tx.insert(schema.paymentRecomputations).values({
    regionId: input.regionId,
    agreementId: input.agreementId,
    requestedByStaffId: input.staffId,
    requestedAt: now,
  });
}

/** Recomputes every region with a pending request; returns the number of cases stored again. */
export async function runPaymentRecomputations(db: Db, clock: () => Date = () => new Date()): Promise<number> {
  const pending = await db
    .select({ id: schema.paymentRecomputations.id, regionId: schema.paymentRecomputations.regionId })
    .from(schema.paymentRecomputations)
    .where(isNull(schema.paymentRecomputations.finishedAt));
  const byRegion = new Map<string, string[]>();
  for (const p of pending) byRegion.set(p.regionId, [...(byRegion.get(p.regionId) ?? []), p.id]);
  let total = 0;
  for (const [regionId, requestIds] of byRegion) {
    // Only the requests read here are finished by this run: one committed later is left for the next.
    await db.update(schema.paymentRecomputations).set({ startedAt: clock() }).where(inArray(schema.paymentRecomputations.id, requestIds));
    const ref = await loadPaymentReference(db, regionId);
    const ids = await casesWithReadyNotice(db, regionId);
    let n = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      n += await db.transaction(async (tx) => {
        await tx
          .select({ id: schema.coordinationCases.id })
          .from(schema.coordinationCases)
          .where(inArray(schema.coordinationCases.id, batch))
          .orderBy(schema.coordinationCases.id)
          .for("update");
        const loaded = await loadManyCaseFacts(tx, batch);
        const codes = await municipalityCodesOf(
          tx,
          loaded.map((l) => l.row.patientId),
        );
        const now = clock();
        for (const l of loaded) await writeCasePayment(tx, l, computeForCase(l, codes.get(l.row.patientId) ?? null, ref, now), now);
        return loaded.length;
      });
    }
    await db
      .update(schema.paymentRecomputations)
      .set({ finishedAt: clock(), cases: n })
      .where(and(inArray(schema.paymentRecomputations.id, requestIds), isNull(schema.paymentRecomputations.finishedAt)));
    total += n;
  }
  return total;
}

export interface RecomputationStatus {
  /** A recomputation is waiting or running. */
  pending: boolean;
  /** The last finished one: when, and how many cases. */
  lastFinished: { at: Date; cases: number } | null;
}

/** For Förvaltning's agreements page: whether the region's figures are being recomputed. */
export async function recomputationStatus(db: DbOrTx, regionId: string): Promise<RecomputationStatus> {
  const [open] = await db
    .select({ id: schema.paymentRecomputations.id })
    .from(schema.paymentRecomputations)
    .where(and(eq(schema.paymentRecomputations.regionId, regionId), isNull(schema.paymentRecomputations.finishedAt)))
    .limit(1);
  const [last] = await db
    .select({ at: schema.paymentRecomputations.finishedAt, cases: schema.paymentRecomputations.cases })
    .from(schema.paymentRecomputations)
    .where(and(eq(schema.paymentRecomputations.regionId, regionId), sql`${schema.paymentRecomputations.finishedAt} is not null`))
    .orderBy(desc(schema.paymentRecomputations.finishedAt))
    .limit(1);
  return { pending: !!open, lastFinished: last?.at ? { at: last.at, cases: last.cases ?? 0 } : null };
}
