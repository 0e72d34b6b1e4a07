import { z } from "zod";
import { dateInput, unitIdList } from "../../input";
import { adminProcedure, authorize } from "../../trpc";
import { OUTAGE_SCOPE_KINDS, OUTAGE_SYSTEMS } from "@vardkedjan/domain/outage/types";
import { declareOutage } from "../../services/outage/manage";

export const declare = authorize("outage.declare", adminProcedure)
  .input(
    z.object({
      system: z.enum(OUTAGE_SYSTEMS),
      systemDetail: z.string().max(200).nullish(),
      scope: z.enum(OUTAGE_SCOPE_KINDS),
      unitIds: unitIdList(500).optional(),
      expectedEndAt: dateInput().nullish(),
      message: z.string().max(2000).nullish(),
      /** Double-click protection: a replay of the same key returns the same outage. */
      idempotencyKey: z.string().min(8).max(100),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const result = await declareOutage(ctx.db, ctx.actor, input);
    return { outageId: result.outageId, confirmationFrom: result.confirmationFrom };
  });
