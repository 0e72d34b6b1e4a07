import { z } from "zod";
import { dateInput } from "../../input";
import { adminProcedure, authorize } from "../../trpc";
import { updateOutage, decideProposedOutage } from "../../services/outage/manage";

export const update = authorize("outage.declare", adminProcedure)
  .input(
    z.object({
      outageId: z.string().uuid(),
      expectedEndAt: dateInput().nullish(),
      message: z.string().max(2000).nullish(),
      systemDetail: z.string().max(200).nullish(),
    }),
  )
  .mutation(({ ctx, input }) => updateOutage(ctx.db, ctx.actor, input));

export const decide = authorize("outage.declare", adminProcedure)
  .input(z.object({ outageId: z.string().uuid(), accept: z.boolean() }))
  .mutation(({ ctx, input }) => decideProposedOutage(ctx.db, ctx.actor, input));
