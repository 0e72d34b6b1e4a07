import { z } from "zod";
import { adminProcedure, authorize } from "../../../trpc";
import { endAffectedSessions, sessionsAffectedByVersion } from "../../../services/admin/rules/affected";
import { ruleId } from "./read";

const version = z.number().int().min(1);

/** The active sessions a saved version of a rule affects. */
export const affectedSessions = authorize("rules.manage", adminProcedure)
  .input(z.object({ id: ruleId, version }))
  .query(({ ctx, input }) => sessionsAffectedByVersion(ctx.db, ctx.actor, input.id, input.version));

/** Ends the chosen affected sessions (in every portal, from the next request). */
export const endAffected = authorize("rules.manage", adminProcedure)
  .input(z.object({ id: ruleId, version, sessionIds: z.array(z.uuid()).max(1000) }))
  .mutation(({ ctx, input }) => endAffectedSessions(ctx.db, ctx.actor, input));
