import { z } from "zod";
import { authorize } from "../../trpc";
import { fixedCareContactCandidates } from "../../services/case/prepare";

export const fixedCareContacts = authorize("case.sendMessage")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => fixedCareContactCandidates(ctx.db, ctx.actor, input.caseId));
