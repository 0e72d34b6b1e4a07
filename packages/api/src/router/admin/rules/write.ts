import { z } from "zod";
import { adminProcedure, authorize } from "../../../trpc";
import { createRule, setRuleEnabled, updateRule } from "../../../services/admin/rules/save";
import { ruleId } from "./read";

/** The rule as the form sends it; the domain validates it field by field (services/admin/rules/save.ts). */
export const ruleDraft = z.record(z.string(), z.unknown(), { error: "Regeln saknas" });
const expectedVersion = z.number({ error: "Ange versionen" }).int().min(1);

export const create = authorize("rules.manage", adminProcedure)
  .input(z.object({ rule: ruleDraft }))
  .mutation(({ ctx, input }) => createRule(ctx.db, ctx.actor, input));

export const update = authorize("rules.manage", adminProcedure)
  .input(z.object({ id: ruleId, expectedVersion, rule: ruleDraft }))
  .mutation(({ ctx, input }) => updateRule(ctx.db, ctx.actor, input));

export const setEnabled = authorize("rules.manage", adminProcedure)
  .input(z.object({ id: ruleId, expectedVersion, enabled: z.boolean() }))
  .mutation(({ ctx, input }) => setRuleEnabled(ctx.db, ctx.actor, input));
