import { schema, and, eq, inArray, isNull, type Db, type DbOrTx } from "@vardkedjan/db/client";
import { can } from "@vardkedjan/domain/access/actions";
import {
  checkDisputeText,
  correctionMonth,
  correctionRows,
  invoiceTotal,
  mayLockMonth,
  MONTH,
  type CaseMonthDays,
  type InvoiceRowKind,
} from "@vardkedjan/domain/payment/invoice";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { AppError } from "../../errors";
import { averageRowsOf, lockAverageRows, openAverageRows, toAverageRow, type InvoiceAverageRow } from "./month-average";
import { caseDaysInMonth } from "./totals";
import { requirePaymentMunicipality, type PaymentMunicipality } from "./scope";

/**
 * Faktureringsunderlag: per kommun and month, one row per case with its payment days and amount
 * (and correction rows for earlier locked months), the total, the lock ("Fastställ") and the
 * disputes ("Bestrid"). Under a monthly-average agreement the month's average part is its own
 * row without a patient (month-average.ts), beside the long stays' case rows. The patient (name and personnummer) is on the rows only for a role with
 * `invoice.readPatients` (the economy roles); every read is audited with the case ids, as the
 * worklist is.
 */

export interface InvoiceRow {
  caseId: string;
  reference: string;
  kind: InvoiceRowKind;
  /** "YYYY-MM" the days belong to (an earlier month for a correction). */
  serviceMonth: string;
  days: number;
  amountKr: number | null;
  /** Only for `invoice.readPatients`. */
  patient: { name: string; identifier: string } | null;
  dispute: InvoiceDispute | null;
}

export interface InvoiceDispute {
  id: string;
  reason: string;
  createdAt: Date;
  createdBy: string;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
}

export interface InvoiceBasis {
  municipality: PaymentMunicipality;
  month: string;
  locked: { at: Date; by: string } | null;
  rows: InvoiceRow[];
  /** Under a monthly-average agreement: the month's average row, and corrections of fixed months' averages. */
  averageRows: InvoiceAverageRow[];
  /** Case rows and average rows together. */
  total: { days: number; amountKr: number | null };
  showsPatients: boolean;
  /** What the actor may do here (from the action table), for the page's buttons. */
  may: { lock: boolean; dispute: boolean; answer: boolean };
  /** Why "Fastställ" is not possible now, in Swedish; null when it is. */
  lockRefusal: string | null;
}

function checkMonth(month: string): void {
  if (!MONTH.test(month)) throw new AppError("INVALID_INPUT", { userMessage: "Ange månaden som ÅÅÅÅ-MM." });
}

async function lockedMonthsOf(db: DbOrTx, municipalityId: string): Promise<{ month: string; lockedAt: Date; lockedByStaffId: string }[]> {
  return db
    .select({
      month: schema.paymentInvoiceLocks.month,
      lockedAt: schema.paymentInvoiceLocks.lockedAt,
      lockedByStaffId: schema.paymentInvoiceLocks.lockedByStaffId,
    })
    .from(schema.paymentInvoiceLocks)
    .where(eq(schema.paymentInvoiceLocks.municipalityId, municipalityId));
}

/** The rows of an open month as they are now: its own days and the corrections carried into it. */
async function openRows(
  db: DbOrTx,
  municipalityId: string,
  month: string,
  locked: string[],
  today: string,
): Promise<(CaseMonthDays & { kind: InvoiceRowKind })[]> {
  const own = (await caseDaysInMonth(db, municipalityId, month, today)).map((r) => ({ ...r, kind: "ordinarie" as const }));
  const sources = locked.filter((l) => correctionMonth(l, locked) === month);
  const corrections: (CaseMonthDays & { kind: InvoiceRowKind })[] = [];
  for (const serviceMonth of sources) {
    const now = await caseDaysInMonth(db, municipalityId, serviceMonth, today);
    const invoiced = await db
      .select({
        caseId: schema.paymentInvoiceRows.caseId,
        serviceMonth: schema.paymentInvoiceRows.serviceMonth,
        days: schema.paymentInvoiceRows.days,
        amountKr: schema.paymentInvoiceRows.amountKr,
      })
      .from(schema.paymentInvoiceRows)
      .where(and(eq(schema.paymentInvoiceRows.municipalityId, municipalityId), eq(schema.paymentInvoiceRows.serviceMonth, serviceMonth)));
    for (const c of correctionRows(month, locked, now, invoiced)) corrections.push({ ...c, kind: "rattelse" });
  }
  return [...own, ...corrections];
}

async function basisRows(db: DbOrTx, municipalityId: string, month: string, lockedMonths: string[], today: string) {
  if (lockedMonths.includes(month)) {
    return db
      .select({
        caseId: schema.paymentInvoiceRows.caseId,
        serviceMonth: schema.paymentInvoiceRows.serviceMonth,
        days: schema.paymentInvoiceRows.days,
        amountKr: schema.paymentInvoiceRows.amountKr,
        kind: schema.paymentInvoiceRows.kind,
      })
      .from(schema.paymentInvoiceRows)
      .where(and(eq(schema.paymentInvoiceRows.municipalityId, municipalityId), eq(schema.paymentInvoiceRows.invoiceMonth, month)));
  }
  return openRows(db, municipalityId, month, lockedMonths, today);
}

const staffName = async (db: DbOrTx, ids: string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.staff.id, givenName: schema.staff.givenName, familyName: schema.staff.familyName })
    .from(schema.staff)
    .where(inArray(schema.staff.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.givenName} ${r.familyName}`]));
};

export async function readBasis(tx: DbOrTx, actor: Actor, municipality: PaymentMunicipality, month: string, now: Date): Promise<InvoiceBasis> {
  const today = stockholmDate(now);
  const locks = await lockedMonthsOf(tx, municipality.id);
  const lockedMonths = locks.map((l) => l.month);
  const raw = await basisRows(tx, municipality.id, month, lockedMonths, today);
  const showsPatients = can(actor.context.role, "invoice.readPatients");
  const caseIds = [...new Set(raw.map((r) => r.caseId))];
  const cases = caseIds.length
    ? await tx
        .select({
          id: schema.coordinationCases.id,
          reference: schema.coordinationCases.reference,
          givenName: schema.patients.givenName,
          familyName: schema.patients.familyName,
          identifier: schema.patients.identifier,
          identifierKind: schema.patients.identifierKind,
        })
        .from(schema.coordinationCases)
        .innerJoin(schema.patients, eq(schema.patients.id, schema.coordinationCases.patientId))
        .where(inArray(schema.coordinationCases.id, caseIds))
    : [];
  const caseOf = new Map(cases.map((c) => [c.id, c]));
  const disputes = await tx
    .select()
    .from(schema.paymentInvoiceDisputes)
    .where(and(eq(schema.paymentInvoiceDisputes.municipalityId, municipality.id), eq(schema.paymentInvoiceDisputes.invoiceMonth, month)));
  const lock = locks.find((l) => l.month === month) ?? null;
  const names = await staffName(tx, [
    ...disputes.flatMap((d) => [d.createdByStaffId, d.answeredByStaffId ?? ""]).filter(Boolean),
    ...(lock ? [lock.lockedByStaffId] : []),
  ]);
  const disputeOf = new Map(
    disputes.map((d) => [
      d.caseId,
      {
        id: d.id,
        reason: d.reason,
        createdAt: d.createdAt,
        createdBy: names.get(d.createdByStaffId) ?? "",
        answer: d.answer,
        answeredAt: d.answeredAt,
        answeredBy: d.answeredByStaffId ? (names.get(d.answeredByStaffId) ?? "") : null,
      },
    ]),
  );
  const rows: InvoiceRow[] = raw
    .map((r) => {
      const c = caseOf.get(r.caseId);
      return {
        caseId: r.caseId,
        reference: c?.reference ?? "",
        kind: r.kind,
        serviceMonth: r.serviceMonth,
        days: r.days,
        amountKr: r.amountKr,
        patient:
          showsPatients && c
            ? { name: `${c.givenName} ${c.familyName}`, identifier: formatPatientIdentifier({ kind: c.identifierKind, value: c.identifier }) }
            : null,
        dispute: disputeOf.get(r.caseId) ?? null,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.serviceMonth.localeCompare(b.serviceMonth) || a.reference.localeCompare(b.reference));
  const averageRows = (await averageRowsOf(tx, municipality, month, lockedMonths)).map(toAverageRow);
  const lockDecision = mayLockMonth(month, today, lockedMonths);
  return {
    municipality,
    month,
    locked: lock ? { at: lock.lockedAt, by: names.get(lock.lockedByStaffId) ?? "" } : null,
    rows,
    averageRows,
    total: invoiceTotal([...rows, ...averageRows]),
    showsPatients,
    may: {
      lock: can(actor.context.role, "invoice.lock") && lockDecision.ok,
      dispute: can(actor.context.role, "invoice.dispute"),
      answer: can(actor.context.role, "invoice.answerDispute"),
    },
    lockRefusal: lockDecision.ok ? null : lockDecision.message,
  };
}

/** The basis of one kommun-month; audited as a read (with the case ids, and whether patients were shown). */
export async function getInvoiceBasis(db: Db, actor: Actor, input: { municipalityId: string; month: string }, now = new Date()): Promise<InvoiceBasis> {
  checkMonth(input.month);
  const municipality = await requirePaymentMunicipality(db, actor, input.municipalityId, "faktureringsunderlag");
  return db.transaction(async (tx) => {
    const basis = await readBasis(tx, actor, municipality, input.month, now);
    await writeAudit(tx, actor, {
      action: "invoice.read",
      activity: "Läsa",
      entityType: "invoice_basis",
      entityId: `${municipality.id}:${input.month}`,
      details: { caseIds: basis.rows.map((r) => r.caseId), averageRows: basis.averageRows.length, patientsShown: basis.showsPatients },
    });
    return basis;
  });
}

/** "Fastställ": locks the month with its rows as they are now (ordinary and corrections). */
export async function lockInvoiceMonth(db: Db, actor: Actor, input: { municipalityId: string; month: string }, now = new Date()): Promise<InvoiceBasis> {
  checkMonth(input.month);
  const municipality = await requirePaymentMunicipality(db, actor, input.municipalityId, "fastställ");
  return db.transaction(async (tx) => {
    const today = stockholmDate(now);
    const lockedMonths = (await lockedMonthsOf(tx, municipality.id)).map((l) => l.month);
    const decision = mayLockMonth(input.month, today, lockedMonths);
    if (!decision.ok) throw new AppError("TRANSITION_NOT_ALLOWED", { userMessage: decision.message });
    const rows = await openRows(tx, municipality.id, input.month, lockedMonths, today);
    const averages = await openAverageRows(tx, municipality, input.month, lockedMonths);
    const inserted = await tx
      .insert(schema.paymentInvoiceLocks)
      .values({ municipalityId: municipality.id, month: input.month, lockedAt: now, lockedByStaffId: actor.staffId })
      .onConflictDoNothing()
      .returning({ month: schema.paymentInvoiceLocks.month });
    if (inserted.length === 0) throw new AppError("CONFLICT", { userMessage: "Månaden har just fastställts av någon annan." });
    if (rows.length > 0) {
      await tx.insert(schema.paymentInvoiceRows).values(
        rows.map((r) => ({
          municipalityId: municipality.id,
          invoiceMonth: input.month,
          caseId: r.caseId,
          serviceMonth: r.serviceMonth,
          kind: r.kind,
          days: r.days,
          amountKr: r.amountKr,
        })),
      );
    }
    await lockAverageRows(tx, municipality.id, input.month, averages);
    const total = invoiceTotal([...rows, ...averages.map(toAverageRow)]);
    await writeAudit(tx, actor, {
      action: "invoice.lock",
      entityType: "invoice_basis",
      entityId: `${municipality.id}:${input.month}`,
      details: { rows: rows.length, averageRows: averages.length, days: total.days, amountKr: total.amountKr },
    });
    return readBasis(tx, actor, municipality, input.month, now);
  });
}

/** "Bestrid": the kommun disputes a case's row in a month with a reason; one open dispute per row. */
export async function disputeInvoiceRow(
  db: Db,
  actor: Actor,
  input: { municipalityId: string; month: string; caseId: string; reason: string },
  now = new Date(),
): Promise<{ id: string }> {
  checkMonth(input.month);
  const text = checkDisputeText(input.reason, "skäl");
  if (!text.ok) throw new AppError("INVALID_INPUT", { userMessage: text.message, details: { fields: [{ path: "reason", message: text.message }] } });
  const municipality = await requirePaymentMunicipality(db, actor, input.municipalityId, "bestrid");
  return db.transaction(async (tx) => {
    const lockedMonths = (await lockedMonthsOf(tx, municipality.id)).map((l) => l.month);
    const rows = await basisRows(tx, municipality.id, input.month, lockedMonths, stockholmDate(now));
    if (!rows.some((r) => r.caseId === input.caseId)) throw new AppError("NOT_FOUND", { userMessage: "Raden finns inte i månadens faktureringsunderlag." });
    const open = await tx
      .select({ id: schema.paymentInvoiceDisputes.id })
      .from(schema.paymentInvoiceDisputes)
      .where(
        and(
          eq(schema.paymentInvoiceDisputes.municipalityId, municipality.id),
          eq(schema.paymentInvoiceDisputes.invoiceMonth, input.month),
          eq(schema.paymentInvoiceDisputes.caseId, input.caseId),
          isNull(schema.paymentInvoiceDisputes.answeredAt),
        ),
      );
    if (open.length > 0) throw new AppError("CONFLICT", { userMessage: "Raden är redan bestriden och väntar på svar från regionen." });
    const [row] = await tx
      .insert(schema.paymentInvoiceDisputes)
      .values({
        municipalityId: municipality.id,
        invoiceMonth: input.month,
        caseId: input.caseId,
        reason: input.reason.trim(),
        createdByStaffId: actor.staffId,
        createdAt: now,
      })
      .returning({ id: schema.paymentInvoiceDisputes.id });
    await writeAudit(tx, actor, {
      action: "invoice.dispute",
      caseId: input.caseId,
      entityType: "invoice_dispute",
      entityId: row!.id,
      details: { month: input.month, municipalityId: municipality.id },
    });
    return { id: row!.id };
  });
}

/** The region answers a dispute (once). */
export async function answerInvoiceDispute(db: Db, actor: Actor, input: { disputeId: string; answer: string }, now = new Date()): Promise<{ id: string }> {
  const text = checkDisputeText(input.answer, "svar");
  if (!text.ok) throw new AppError("INVALID_INPUT", { userMessage: text.message, details: { fields: [{ path: "answer", message: text.message }] } });
  const [dispute] = await db.select().from(schema.paymentInvoiceDisputes).where(eq(schema.paymentInvoiceDisputes.id, input.disputeId));
  if (!dispute) throw new AppError("NOT_FOUND", { userMessage: "Bestridandet finns inte." });
  await requirePaymentMunicipality(db, actor, dispute.municipalityId, "besvara bestridande");
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(schema.paymentInvoiceDisputes)
      .set({ answer: input.answer.trim(), answeredByStaffId: actor.staffId, answeredAt: now })
      .where(and(eq(schema.paymentInvoiceDisputes.id, input.disputeId), isNull(schema.paymentInvoiceDisputes.answeredAt)))
      .returning({ id: schema.paymentInvoiceDisputes.id });
    if (updated.length === 0) throw new AppError("CONFLICT", { userMessage: "Bestridandet har redan besvarats." });
    await writeAudit(tx, actor, {
      action: "invoice.answer_dispute",
      caseId: dispute.caseId,
      entityType: "invoice_dispute",
      entityId: dispute.id,
      details: { month: dispute.invoiceMonth, municipalityId: dispute.municipalityId },
    });
    return { id: dispute.id };
  });
}
