import { z } from "zod";
import { authorize, wardProcedure } from "../../trpc";
import { addParty, partyOptions } from "../../services/case/add-party";

export const addPartyProcedure = authorize("case.addParty", wardProcedure)
  .input(z.object({ caseId: z.string().uuid(), unitId: z.string().uuid() }))
  .mutation(({ ctx, input }) => addParty(ctx.db, ctx.actor, input));

export const partyOptionsProcedure = authorize("case.addParty", wardProcedure)
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => partyOptions(ctx.db, ctx.actor, input.caseId));
