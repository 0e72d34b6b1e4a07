import { z } from "zod";
import { adminProcedure, authorize, createTRPCRouter } from "../../trpc";
import { endPersonSessions, personDetail, searchPeople } from "../../services/admin/people/people";

const read = authorize("org.readUnits", adminProcedure);
const manage = authorize("org.manage", adminProcedure);

/** Personal: staff of the administrator's organisation, what their last login gave them, their live sessions. */
export const peopleRouter = createTRPCRouter({
  search: read.input(z.object({ query: z.string().max(100) })).query(({ ctx, input }) => searchPeople(ctx.db, ctx.actor, input)),
  get: read.input(z.object({ staffId: z.string().uuid() })).query(({ ctx, input }) => personDetail(ctx.db, ctx.actor, input)),
  endSessions: manage
    .input(z.object({ staffId: z.string().uuid(), sessionIds: z.array(z.string().uuid()).min(1).max(50) }))
    .mutation(({ ctx, input }) => endPersonSessions(ctx.db, ctx.actor, input)),
});
