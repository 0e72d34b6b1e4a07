import { z } from "zod";
import { adminProcedure, authorize } from "../../trpc";
import { endOutage } from "../../services/outage/manage";

/** "Avsluta driftstörning": pages switch back, and every unit's after-registration list is computed. */
export const end = authorize("outage.end", adminProcedure)
  .input(z.object({ outageId: z.string().uuid() }))
  .mutation(({ ctx, input }) => endOutage(ctx.db, ctx.actor, input.outageId));
