import { z } from "zod";
import { adminProcedure, authorize } from "../../../trpc";
import { simulate as runSimulation } from "../../../services/admin/rules/simulate";
import { ruleDraft } from "./write";

/** "Testa inloggning": a person (as last seen at login) or a pasted claim set, optionally against a draft change. Saves nothing. */
export const simulate = authorize("rules.manage", adminProcedure)
  .input(
    z.object({
      staffId: z.uuid({ error: "Välj en person i listan" }).optional(),
      claims: z.string().max(200_000, { error: "Uppgifterna är för långa" }).optional(),
      draft: z.object({ id: z.string().max(64).optional(), rule: ruleDraft }).optional(),
    }),
  )
  .query(({ ctx, input }) => runSimulation(ctx.db, ctx.actor, input));
