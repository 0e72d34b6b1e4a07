import { schema, eq, type DbOrTx } from "@vardkedjan/db/client";
import { AGREEMENT_MODEL_LABELS, chosenModel } from "@vardkedjan/domain/payment/agreement";
import type { PaymentBasis } from "@vardkedjan/domain/payment/engine";
import type { LoadedCase } from "../case/facts";
import { computeForCase, loadPaymentReference } from "./store";

/** What the case page shows of the payment responsibility (no patient data beyond the case's own). */
export interface CasePaymentSummary {
  /** "Betalningsansvar från 9 dec. 00:00"; null when it cannot start (see reasons). */
  liabilityText: string | null;
  liabilityFrom: Date | null;
  /** Dag N efter utskrivningsklar today (or on the last day of the stay); null when not ready. */
  dayNumber: number | null;
  paymentDays: number;
  amountKr: number | null;
  basis: PaymentBasis;
  /** "Lagens standardregel" or the agreement's name, and its model in Swedish. */
  agreementName: string;
  modelLabel: string;
  /** Swedish: why no day is a payment day ("inskrivningsmeddelande saknades"). */
  unmetPreconditions: string[];
  ongoing: boolean;
}

/** The engine for one case as it stands now, under its agreement; null before any ready notice. */
export async function casePaymentSummary(
  db: DbOrTx,
  loaded: LoadedCase,
  now: Date,
  /** The patient's kommunkod, when the caller has read the patient already. */
  known?: { municipalityCode: string | null },
): Promise<CasePaymentSummary | null> {
  const code =
    known?.municipalityCode ??
    (known
      ? null
      : ((await db.select({ code: schema.patients.municipalityCode }).from(schema.patients).where(eq(schema.patients.id, loaded.row.patientId)))[0]?.code ??
        null));
  const ref = await loadPaymentReference(db, loaded.row.regionId, [code]);
  const result = computeForCase(loaded, code, ref, now);
  if (!result) return null;
  const { payment, chosen } = result;
  const last = payment.days.at(-1);
  return {
    liabilityText: payment.liabilityText,
    liabilityFrom: payment.liabilityFrom,
    dayNumber: last?.dayNumber ?? null,
    paymentDays: payment.paymentDays,
    amountKr: payment.amountKr,
    basis: payment.basis,
    agreementName: chosen.kind === "overenskommelse" ? chosen.agreement.name : "Lagens standardregel (ingen överenskommelse)",
    modelLabel: AGREEMENT_MODEL_LABELS[chosenModel(chosen).kind],
    unmetPreconditions: payment.unmetPreconditions,
    ongoing: payment.ongoing,
  };
}
