import { z } from "zod";
import { authorize } from "../../trpc";
import { addParty, partyOptions } from "../../services/case/add-party";

/** The ward (any receiving unit of the region) and the kommun (its own home care): the domain rule decides which unit. */
export const addPartyProcedure = authorize("case.addParty")
  .input(z.object({ caseId: z.string().uuid(), unitId: z.string().uuid() }))
  .mutation(({ ctx, input }) => addParty(ctx.db, ctx.actor, input));

export const partyOptionsProcedure = authorize("case.addParty")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => partyOptions(ctx.db, ctx.actor, input.caseId));
