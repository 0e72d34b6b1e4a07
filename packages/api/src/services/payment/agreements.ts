import { schema, and, desc, eq, isNull, type Db } from "@vardkedjan/db/client";
import { can } from "@vardkedjan/domain/access/actions";
import { chooseAgreement, type AgreementModel, type AgreementVersion } from "@vardkedjan/domain/payment/agreement";
import type { YearlyAmount } from "@vardkedjan/domain/payment/amounts";
import { stockholmDate } from "@vardkedjan/domain/time/stockholm";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { AppError } from "../../errors";
import { paymentMunicipalities, requirePaymentMunicipality, type PaymentMunicipality } from "./scope";
import { recomputationStatus, requestRecomputation, type RecomputationStatus } from "./recompute";
import { loadPaymentReference } from "./store";

/**
 * Agreement models and the yearly amounts in Förvaltning. The region's administrator
 * (`payment.manageAgreements`) adds versions, region-wide or for one kommun, never overwriting
 * one (an invoice basis can always name the version it was computed by); a kommun's administrator
 * reads the versions that apply to the kommun. Every change is audited and asks for the region's
 * cases to be judged again by a background job (recompute.ts), so the stored payment days follow
 * the agreement without the save waiting for them; the page says while that is going on.
 */

export interface AgreementsView {
  regionId: string;
  regionName: string;
  municipalities: PaymentMunicipality[];
  versions: (AgreementVersion & { createdAt: Date; createdBy: string | null })[];
  /** Per kommun the actor sees: the version in force today (null = the law's default). */
  inForceToday: { municipalityId: string; agreementId: string | null }[];
  amounts: YearlyAmount[];
  mayManage: boolean;
  /** Whether the region's payment figures are being recomputed after a new version. */
  recomputation: RecomputationStatus;
}

export async function listAgreements(db: Db, actor: Actor, now = new Date()): Promise<AgreementsView> {
  const municipalities = await paymentMunicipalities(db, actor);
  const first = municipalities[0];
  if (!first) throw new AppError("FORBIDDEN", { userMessage: "Ditt arbetssammanhang hör inte till någon region med kommuner." });
  const regionId = first.regionId;
  const ref = await loadPaymentReference(db, regionId);
  const ownIds = new Set(municipalities.map((m) => m.id));
  // A kommun sees the region-wide versions and its own, never another kommun's.
  const visible = ref.agreements.filter((a) => a.municipalityId === null || ownIds.has(a.municipalityId));
  const meta = await db
    .select({
      id: schema.paymentAgreements.id,
      createdAt: schema.paymentAgreements.createdAt,
      givenName: schema.staff.givenName,
      familyName: schema.staff.familyName,
    })
    .from(schema.paymentAgreements)
    .leftJoin(schema.staff, eq(schema.staff.id, schema.paymentAgreements.createdByStaffId))
    .where(eq(schema.paymentAgreements.regionId, regionId));
  const metaOf = new Map(meta.map((m) => [m.id, m]));
  const today = stockholmDate(now);
  const versions = visible
    .map((a) => {
      const m = metaOf.get(a.id);
      return { ...a, createdAt: m?.createdAt ?? new Date(0), createdBy: m?.givenName ? `${m.givenName} ${m.familyName}` : null };
    })
    .sort((a, b) => (a.municipalityId ?? "").localeCompare(b.municipalityId ?? "") || b.version - a.version);
  return {
    regionId,
    regionName: first.regionName,
    municipalities,
    versions,
    inForceToday: municipalities.map((m) => {
      const chosen = chooseAgreement(visible, { regionId, municipalityId: m.id }, today);
      return { municipalityId: m.id, agreementId: chosen.kind === "overenskommelse" ? chosen.agreement.id : null };
    }),
    amounts: ref.amounts.sort((a, b) => b.year - a.year),
    mayManage: can(actor.context.role, "payment.manageAgreements"),
    recomputation: await recomputationStatus(db, regionId),
  };
}

export interface NewAgreementVersion {
  /** Null: region-wide. */
  municipalityId: string | null;
  /** The latest version number of this reach the editor started from; null = there was none. */
  baseVersion: number | null;
  validFrom: string;
  validTo: string | null;
  name: string;
  model: AgreementModel;
}

/** Adds a version (never overwrites); a stale baseVersion is a Swedish conflict. */
export async function addAgreementVersion(db: Db, actor: Actor, input: NewAgreementVersion, now = new Date()): Promise<{ id: string; version: number }> {
  const municipalities = await paymentMunicipalities(db, actor);
  const region = municipalities[0];
  if (!region) throw new AppError("FORBIDDEN", { userMessage: "Ditt arbetssammanhang hör inte till någon region med kommuner." });
  if (input.municipalityId !== null) await requirePaymentMunicipality(db, actor, input.municipalityId, "överenskommelse");
  return db.transaction(async (tx) => {
    // Serialise versions of one reach: the region row is the lock.
    await tx.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.id, region.regionId)).for("update");
    const [latest] = await tx
      .select({ version: schema.paymentAgreements.version })
      .from(schema.paymentAgreements)
      .where(
        and(
          eq(schema.paymentAgreements.regionId, region.regionId),
          input.municipalityId === null ? isNull(schema.paymentAgreements.municipalityId) : eq(schema.paymentAgreements.municipalityId, input.municipalityId),
        ),
      )
      .orderBy(desc(schema.paymentAgreements.version))
      .limit(1);
    const current = latest?.version ?? null;
    if (current !== input.baseVersion) {
      throw new AppError("CONFLICT", {
        userMessage: `Överenskommelsen har ändrats av någon annan (nu version ${current ?? "ingen"}, du utgick från version ${input.baseVersion ?? "ingen"}). Läs den nya versionen och spara igen.`,
      });
    }
    const version = (current ?? 0) + 1;
    const [row] = await tx
      .insert(schema.paymentAgreements)
      .values({
        regionId: region.regionId,
        municipalityId: input.municipalityId,
        version,
        validFrom: input.validFrom,
        validTo: input.validTo,
        name: input.name.trim(),
        model: input.model,
        createdByStaffId: actor.staffId,
        createdAt: now,
      })
      .returning({ id: schema.paymentAgreements.id });
    await requestRecomputation(tx, { regionId: region.regionId, agreementId: row!.id, staffId: actor.staffId }, now);
    await writeAudit(tx, actor, {
      action: "payment.agreement_change",
      entityType: "payment_agreement",
      entityId: row!.id,
      details: { municipalityId: input.municipalityId, version, validFrom: input.validFrom, validTo: input.validTo, kind: input.model.kind },
    });
    return { id: row!.id, version };
  });
}

/** A new year's amount with its föreskrift; an existing year is never overwritten. */
export async function addYearlyAmount(db: Db, actor: Actor, input: YearlyAmount & { regulationId: string }, now = new Date()): Promise<{ year: number }> {
  const municipalities = await paymentMunicipalities(db, actor);
  if (municipalities.length === 0) throw new AppError("FORBIDDEN", { userMessage: "Ditt arbetssammanhang hör inte till någon region med kommuner." });
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(schema.paymentDayAmounts)
      .values({
        year: input.year,
        amountKr: input.amountKr,
        regulationId: input.regulationId,
        source: input.source.trim(),
        createdByStaffId: actor.staffId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ year: schema.paymentDayAmounts.year });
    if (inserted.length === 0) {
      throw new AppError("CONFLICT", {
        userMessage: `Beloppet för ${input.year} finns redan. Ett belopp ändras inte i efterhand; kontakta förvaltningen om det är fel.`,
        details: { fields: [{ path: "year", message: `Beloppet för ${input.year} finns redan.` }] },
      });
    }
    await writeAudit(tx, actor, {
      action: "payment.agreement_change",
      entityType: "payment_day_amount",
      entityId: String(input.year),
      details: { year: input.year, amountKr: input.amountKr, regulationId: input.regulationId },
    });
    return { year: input.year };
  });
}
