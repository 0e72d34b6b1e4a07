import { z } from "zod";
import { adminProcedure, authorize } from "../../../trpc";
import { getRule, listRules, ruleFormOptions } from "../../../services/admin/rules/read";
import { findPeople } from "../../../services/admin/rules/simulate";

const ruleId = z.string().trim().min(1, { error: "Ange regeln" }).max(64, { error: "Okänd regel" });

/** The rules of the actor's organisation, or (for a region) of one of its kommuner, read-only. */
export const list = authorize("rules.manage", adminProcedure)
  .input(z.object({ ownerHsaId: z.string().max(31).optional() }))
  .query(({ ctx, input }) => listRules(ctx.db, ctx.actor, input));

export const get = authorize("rules.manage", adminProcedure)
  .input(z.object({ id: ruleId }))
  .query(({ ctx, input }) => getRule(ctx.db, ctx.actor, input.id));

/** What the rule form offers: the owner's units, the roles it may grant, the levels of assurance. */
export const options = authorize("rules.manage", adminProcedure).query(({ ctx }) => ruleFormOptions(ctx.db, ctx.actor));

/** People to simulate, by name or HSA-id. */
export const findPeopleProcedure = authorize("rules.manage", adminProcedure)
  .input(z.object({ query: z.string().max(100, { error: "Sökningen är för lång" }) }))
  .query(({ ctx, input }) => findPeople(ctx.db, ctx.actor, input));

export { ruleId };
