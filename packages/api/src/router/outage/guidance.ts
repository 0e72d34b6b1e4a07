import { z } from "zod";
import { authorize } from "../../trpc";
import { caseCallGuidance } from "../../services/outage/guidance";

/** "Vem ska jag ringa" and the routine checklist for one case during an outage. */
export const callGuidance = authorize("case.read")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => caseCallGuidance(ctx.db, ctx.actor, input.caseId));
