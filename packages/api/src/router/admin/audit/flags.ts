import { z } from "zod";
import { adminProcedure, authorize } from "../../../trpc";
import { listAuditFlags } from "../../../services/admin/audit/flags";

/** The accesses the automatic flags picked out for review, in the reviewer's organisation. */
export const flags = authorize("audit.read", adminProcedure)
  .input(z.object({ pendingOnly: z.boolean() }))
  .query(({ ctx, input }) => listAuditFlags(ctx.db, ctx.actor, input));
