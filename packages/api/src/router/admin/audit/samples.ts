import { z } from "zod";
import { auditSampleSchema } from "@vardkedjan/domain/audit/search";
import { AUDIT_REVIEW_OUTCOMES } from "@vardkedjan/domain/audit/review";
import { addDaysToIsoDate, stockholmInstant } from "@vardkedjan/domain/time/stockholm";
import { adminProcedure, authorize } from "../../../trpc";
import { drawSample, getSample, listSamples, recordReview } from "../../../services/admin/audit/samples";

export const samples = authorize("audit.read", adminProcedure).query(({ ctx }) => listSamples(ctx.db, ctx.actor));

export const sample = authorize("audit.read", adminProcedure)
  .input(z.object({ id: z.string().uuid() }))
  .query(({ ctx, input }) => getSample(ctx.db, ctx.actor, input.id));

/** Draws a stickprov for a period of Stockholm days (the last day included). */
export const drawSampleProcedure = authorize("audit.read", adminProcedure)
  .input(auditSampleSchema)
  .mutation(({ ctx, input }) =>
    drawSample(ctx.db, ctx.actor, {
      from: stockholmInstant(input.from!),
      to: stockholmInstant(addDaysToIsoDate(input.to!, 1)),
      size: input.size,
      seed: input.seed,
    }),
  );

/** A reviewer's outcome for one flag or one sampled access. */
export const review = authorize("audit.read", adminProcedure)
  .input(
    z.object({
      target: z.enum(["flag", "sampleItem"]),
      id: z.string().uuid(),
      outcome: z.enum(AUDIT_REVIEW_OUTCOMES, { error: "Välj utfall: utan anmärkning eller utreds" }),
      note: z
        .string()
        .trim()
        .max(1000, "Anteckningen får vara högst 1000 tecken")
        .optional()
        .transform((v) => (v === "" ? undefined : v)),
    }),
  )
  .mutation(({ ctx, input }) => recordReview(ctx.db, ctx.actor, input));
