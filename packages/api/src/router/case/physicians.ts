import { z } from "zod";
import { authorize } from "../../trpc";
import { physicianCandidates } from "../../services/case/physicians";

export const physicians = authorize("case.sendMessage")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => physicianCandidates(ctx.db, ctx.actor, input.caseId));
