import { auditSearchSchema, toSearchCriteria } from "@vardkedjan/domain/audit/search";
import { adminProcedure, authorize } from "../../../trpc";
import { searchAuditLog } from "../../../services/admin/audit/search";

/** Loggkontroll: the own staff's accesses by patient, staff member, unit and time (the personnummer only in the POST body). */
export const search = authorize("audit.read", adminProcedure)
  .input(auditSearchSchema)
  .query(({ ctx, input }) => searchAuditLog(ctx.db, ctx.actor, toSearchCriteria(input)));
