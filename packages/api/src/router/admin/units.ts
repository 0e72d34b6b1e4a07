import { adminProcedure, authorize } from "../../trpc";
import { regionUnits } from "../../services/admin/units";

/** The region's organisations and units (outage scope, contact list), with what the actor may edit. */
export const units = authorize("org.readUnits", adminProcedure).query(({ ctx }) => regionUnits(ctx.db, ctx.actor));
