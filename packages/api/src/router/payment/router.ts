import { z } from "zod";
import { agreementModelSchema } from "@vardkedjan/domain/payment/agreement";
import { newYearlyAmountSchema } from "@vardkedjan/domain/payment/amounts";
import { DISPUTE_REASON_MAX } from "@vardkedjan/domain/payment/invoice";
import { adminProcedure, authorize, createTRPCRouter, wardProcedure } from "../../trpc";
import { addAgreementVersion, addYearlyAmount, listAgreements } from "../../services/payment/agreements";
import { answerInvoiceDispute, disputeInvoiceRow, getInvoiceBasis, lockInvoiceMonth } from "../../services/payment/invoice";
import { paymentMunicipalities } from "../../services/payment/scope";
import { paymentTotalsByMunicipalityMonth } from "../../services/payment/totals";
import { readyOverview } from "../../services/payment/ready-overview";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Ange månaden som ÅÅÅÅ-MM" });
const isoDate = z.iso.date({ error: "Ange datum som ÅÅÅÅ-MM-DD" });
const basisInput = z.object({ municipalityId: z.uuid({ error: "Välj en kommun" }), month });

/** Betalningsansvar: agreements and amounts (Förvaltning), the invoice basis, the ready overview (Slutenvård). */
export const paymentRouter = createTRPCRouter({
  agreements: authorize("payment.readAgreements", adminProcedure).query(({ ctx }) => listAgreements(ctx.db, ctx.actor)),
  addAgreementVersion: authorize("payment.manageAgreements", adminProcedure)
    .input(
      z
        .object({
          municipalityId: z.uuid().nullable(),
          baseVersion: z.number().int().min(1).nullable(),
          validFrom: isoDate,
          validTo: isoDate.nullable(),
          name: z.string().trim().min(1, { error: "Ange överenskommelsens namn" }).max(300, { error: "Namnet får vara högst 300 tecken" }),
          model: agreementModelSchema,
        })
        .refine((a) => a.validTo === null || a.validTo >= a.validFrom, { error: "Slutdatum kan inte ligga före startdatum", path: ["validTo"] }),
    )
    .mutation(({ ctx, input }) => addAgreementVersion(ctx.db, ctx.actor, input)),
  addYearlyAmount: authorize("payment.manageAgreements", adminProcedure)
    .input(newYearlyAmountSchema)
    .mutation(({ ctx, input }) => addYearlyAmount(ctx.db, ctx.actor, input)),
  municipalities: authorize("invoice.read", adminProcedure).query(({ ctx }) => paymentMunicipalities(ctx.db, ctx.actor)),
  invoiceBasis: authorize("invoice.read", adminProcedure)
    .input(basisInput)
    .query(({ ctx, input }) => getInvoiceBasis(ctx.db, ctx.actor, input)),
  totals: authorize("invoice.read", adminProcedure)
    .input(z.object({ fromMonth: month, toMonth: month, municipalityIds: z.array(z.uuid()).max(400).optional() }))
    .query(({ ctx, input }) => paymentTotalsByMunicipalityMonth(ctx.db, ctx.actor, input)),
  lockMonth: authorize("invoice.lock", adminProcedure)
    .input(basisInput)
    .mutation(({ ctx, input }) => lockInvoiceMonth(ctx.db, ctx.actor, input)),
  dispute: authorize("invoice.dispute", adminProcedure)
    .input(
      basisInput.extend({
        caseId: z.uuid(),
        reason: z
          .string()
          .trim()
          .min(1, { error: "Ange skälet till att raden bestrids" })
          .max(DISPUTE_REASON_MAX, { error: `Skälet får vara högst ${DISPUTE_REASON_MAX} tecken` }),
      }),
    )
    .mutation(({ ctx, input }) => disputeInvoiceRow(ctx.db, ctx.actor, input)),
  answerDispute: authorize("invoice.answerDispute", adminProcedure)
    .input(
      z.object({
        disputeId: z.uuid(),
        answer: z
          .string()
          .trim()
          .min(1, { error: "Skriv ett svar" })
          .max(DISPUTE_REASON_MAX, { error: `Svaret får vara högst ${DISPUTE_REASON_MAX} tecken` }),
      }),
    )
    .mutation(({ ctx, input }) => answerInvoiceDispute(ctx.db, ctx.actor, input)),
  readyOverview: authorize("case.read", wardProcedure).query(({ ctx }) => readyOverview(ctx.db, ctx.actor)),
});
