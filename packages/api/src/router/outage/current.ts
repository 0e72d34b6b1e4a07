import { protectedProcedure } from "../../trpc";
import { activeOutagesFor } from "../../services/outage/current";

/** The outages affecting the active context's units: the banner and outage mode of every portal. */
export const current = protectedProcedure.query(({ ctx }) => activeOutagesFor(ctx.db, ctx.actor, ctx.outageCache));
