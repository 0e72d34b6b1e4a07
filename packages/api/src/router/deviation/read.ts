import { z } from "zod";
import { DEVIATION_STATUSES } from "@vardkedjan/domain/deviation/types";
import { authorize } from "../../trpc";
import { caseDeviations, getDeviation, listDeviations } from "../../services/deviation/read";

// Reading deviations shows the case's patient to those who may read the case: it is a case read.

export const list = authorize("case.read")
  .input(z.object({ view: z.enum(["mottagna", "rapporterade"]), statuses: z.array(z.enum(DEVIATION_STATUSES)).max(4).nullish() }))
  .query(({ ctx, input }) => listDeviations(ctx.db, ctx.actor, input));

export const get = authorize("case.read")
  .input(z.object({ deviationId: z.string().uuid() }))
  .query(({ ctx, input }) => getDeviation(ctx.db, ctx.actor, input.deviationId));

export const forCase = authorize("case.read")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => caseDeviations(ctx.db, ctx.actor, input.caseId));
