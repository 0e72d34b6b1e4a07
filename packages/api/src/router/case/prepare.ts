import { z } from "zod";
import { authorize, wardProcedure } from "../../trpc";
import { prepareNewCase } from "../../services/case/prepare";

/** POST (mutation) so that the personnummer travels in the body, never in a URL. */
export const prepare = authorize("case.create", wardProcedure)
  .input(z.object({ identifier: z.string().min(1).max(20) }))
  .mutation(({ ctx, input }) => prepareNewCase(ctx.db, ctx.actor, input.identifier));
