import { adminProcedure, authorize } from "../../trpc";
import { getAdminOverview } from "../../services/admin/overview";

/** Every Förvaltning role has a start page; the service leaves out the sections its role does not work with. */
export const overview = authorize("workspace.read", adminProcedure).query(({ ctx }) => getAdminOverview(ctx.db, ctx.actor));
