import { z } from "zod";
import { adminProcedure, authorize } from "../../trpc";
import { deviationStatistics } from "../../services/deviation/statistics";

/** Förvaltning: counts per category and month, for an organisation the administrator administers. */
export const statistics = authorize("deviation.readStatistics", adminProcedure)
  .input(z.object({ organisationId: z.string().uuid().nullish() }))
  .query(({ ctx, input }) => deviationStatistics(ctx.db, ctx.actor, input));
