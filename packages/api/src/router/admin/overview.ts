import { adminProcedure, authorize } from "../../trpc";
import { getAdminOverview } from "../../services/admin/overview";

export const overview = authorize("org.manage", adminProcedure).query(({ ctx }) => getAdminOverview(ctx.db, ctx.actor));
