import { z } from "zod";
import { CASE_STAGES } from "@vardkedjan/domain/case/types";
import { WORKLIST_DIRECTIONS, WORKLIST_SORTS } from "@vardkedjan/domain/case/worklist-columns";
import { authorize } from "../../trpc";
import { getWorklist } from "../../services/case/worklist";

export const list = authorize("case.read")
  .input(
    z.object({
      stage: z.enum(CASE_STAGES).nullish(),
      search: z.string().max(100).nullish(),
      unitId: z.string().uuid().nullish(),
      municipalityCode: z
        .string()
        .regex(/^\d{4}$/)
        .nullish(),
      includeClosed: z.boolean().default(false),
      scope: z.enum(["sammanhang", "alla"]).default("sammanhang"),
      sort: z.enum(WORKLIST_SORTS).default("frist"),
      direction: z.enum(WORKLIST_DIRECTIONS).default("asc"),
      cursor: z.string().max(2000).nullish(),
      pageSize: z.number().int().min(5).max(200).default(50),
    }),
  )
  // "Alla mina enheter" reads the units of the person's other contexts in this portal; each is
  // checked for case.read in the service and named in the audit row.
  .query(({ ctx, input }) => getWorklist(ctx.db, ctx.actor, input, ctx.session.contexts));
