import { z } from "zod";
import { authorize } from "../../trpc";
import { caseCallGuidance } from "../../services/outage/guidance";
import { tickChecklistItem } from "../../services/outage/checklist-ticks";

/** "Vem ska jag ringa" and the routine checklist for one case during an outage. */
export const callGuidance = authorize("case.read")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => caseCallGuidance(ctx.db, ctx.actor, input.caseId));

/** Ticks or unticks one of the routine's manual checklist points ("manuell:<key>") for a case. */
export const tickChecklist = authorize("outage.logPhoneContact")
  .input(z.object({ caseId: z.string().uuid(), key: z.string().min(1).max(100), done: z.boolean() }))
  .mutation(({ ctx, input }) => tickChecklistItem(ctx.db, ctx.actor, input));
