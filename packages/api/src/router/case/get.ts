import { z } from "zod";
import { authorize } from "../../trpc";
import { getCase } from "../../services/case/get-case";

export const get = authorize("case.read")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => getCase(ctx.db, ctx.actor, input.caseId));
