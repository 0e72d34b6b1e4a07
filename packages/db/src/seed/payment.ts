import { and, eq, isNull } from "drizzle-orm";
import { LAW_DEFAULT_MODEL } from "@vardkedjan/domain/payment/agreement";
import { KNOWN_YEARLY_AMOUNTS } from "@vardkedjan/domain/payment/amounts";
import type { DbOrTx } from "../client";
import { organisations } from "../schema/organisation";
import { paymentAgreements, paymentDayAmounts } from "../schema/payment";
import { REGIONS } from "./data/index";

/** The law (LOSUS) and with it the kommun's payment responsibility came into force on 2018-01-01. */
export const DEMO_AGREEMENT_VALID_FROM = "2018-01-01";

/**
 * The demo agreements' own amount per vårddygn. Socialstyrelsen's amounts for 2024–2026 are not in
 * the research (the administrator enters them with the föreskrift), so without an amount of its
 * own the demo's invoice basis for this year would show days without money. 10 500 kr is the
 * latest amount the research found (2023, HSLF-FS 2022:60); the agreement's name says it is a
 * demo amount. A real agreement leaves the amount out and follows Socialstyrelsen's table.
 */
export const DEMO_AGREEMENT_AMOUNT_KR = 10_500;

/**
 * The payment data of the demo: Socialstyrelsen's yearly amounts the research found, and for each
 * demo region one region-wide agreement. The research found no agreement of Region Sörmland,
 * Region Västernorrland or Region Jämtland Härjedalen, so each demo agreement is the law's default
 * (three calendar days after the notice day) and says so in its name. Rows already there (say,
 * an amount or a version an administrator has entered) are left alone.
 */
export async function seedPaymentData(tx: DbOrTx): Promise<{ amounts: number; agreements: number }> {
  for (const a of KNOWN_YEARLY_AMOUNTS) {
    await tx.insert(paymentDayAmounts).values({ year: a.year, amountKr: a.amountKr, regulationId: a.regulationId, source: a.source }).onConflictDoNothing();
  }
  for (const region of REGIONS) {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.hsaId, region.organisation.hsaId));
    if (!org) throw new Error(`Regionen ${region.organisation.name} saknas`);
    const existing = await tx
      .select({ id: paymentAgreements.id })
      .from(paymentAgreements)
      .where(and(eq(paymentAgreements.regionId, org.id), isNull(paymentAgreements.municipalityId)))
      .limit(1);
    if (existing.length > 0) continue;
    await tx.insert(paymentAgreements).values({
      regionId: org.id,
      municipalityId: null,
      version: 1,
      validFrom: DEMO_AGREEMENT_VALID_FROM,
      validTo: null,
      name: `Lagens standardregel (demo, demobelopp 10 500 kr per dygn): ${region.organisation.name} och länets kommuner`,
      model: { ...LAW_DEFAULT_MODEL, amountPerDayKr: DEMO_AGREEMENT_AMOUNT_KR },
    });
  }
  return { amounts: KNOWN_YEARLY_AMOUNTS.length, agreements: REGIONS.length };
}
