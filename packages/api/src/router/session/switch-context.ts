import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { AppError } from "../../errors";
import { chooseContext } from "../../services/identity/session";

/** Choose or switch the active context (logged as a security event). */
export const switchContext = publicProcedure.input(z.object({ contextId: z.string().min(1).max(200) })).mutation(async ({ ctx, input }) => {
  if (!ctx.session) throw new AppError("UNAUTHENTICATED");
  const next = await chooseContext(ctx.db, ctx.session, input.contextId);
  return { id: next.id, label: next.label };
});
