import { z } from "zod";
import { authorize, wardProcedure } from "../../trpc";
import { findTrainingPersons } from "../../services/patient/training";

/** POST (mutation), like the lookup: what is searched for never lands in a URL. */
export const trainingPersons = authorize("case.create", wardProcedure)
  .input(z.object({ query: z.string().max(100) }))
  .mutation(({ ctx, input }) => findTrainingPersons(ctx.db, ctx.actor, input.query));
