import { z } from "zod";
import { CASE_STAGES } from "@vardkedjan/domain/case/types";
import { authorize } from "../../trpc";
import { getWorklist } from "../../services/case/worklist";

export const list = authorize("case.read")
  .input(
    z.object({
      stage: z.enum(CASE_STAGES).nullish(),
      search: z.string().max(100).nullish(),
      unitId: z.string().uuid().nullish(),
      includeClosed: z.boolean().default(false),
      page: z.number().int().min(1).max(10_000).default(1),
      pageSize: z.number().int().min(5).max(200).default(50),
    }),
  )
  .query(({ ctx, input }) => getWorklist(ctx.db, ctx.actor, input));
