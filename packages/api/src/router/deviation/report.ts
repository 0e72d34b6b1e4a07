import { z } from "zod";
import { deviationReportSchema } from "@vardkedjan/domain/deviation/types";
import { authorize } from "../../trpc";
import { reportDeviation } from "../../services/deviation/report";
import { mailDeviationNotice } from "../../services/deviation/notify";

export const report = authorize("deviation.report")
  .input(deviationReportSchema.extend({ caseId: z.string().uuid(), idempotencyKey: z.string().min(8).max(100) }))
  .mutation(async ({ ctx, input }) => {
    const result = await reportDeviation(ctx.db, ctx.actor, input);
    // After commit, without waiting: a slow or dead SMTP server must not hold up the report.
    if (result.mail) void mailDeviationNotice(ctx.db, ctx.mailer ?? null, result.mail, ctx.portalUrls ?? {}).catch(() => undefined);
    return { deviationId: result.deviationId };
  });
