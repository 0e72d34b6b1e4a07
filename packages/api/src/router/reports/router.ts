import { z } from "zod";
import { REPORT_DIMENSIONS } from "@vardkedjan/domain/reports/summary";
import { adminProcedure, authorize, createTRPCRouter } from "../../trpc";
import { followUpReport } from "../../services/reports/follow-up";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Ange månaden som ÅÅÅÅ-MM" });

/** Förvaltning's follow-up reports: aggregates of the administrator's region or kommun. */
export const followUp = authorize("reports.read", adminProcedure)
  .input(z.object({ dimension: z.enum(REPORT_DIMENSIONS), from: month, to: month }))
  .query(({ ctx, input }) => followUpReport(ctx.db, ctx.actor, input));

export const reportsRouter = createTRPCRouter({ followUp });
