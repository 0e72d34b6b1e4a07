import { z } from "zod";
import { authorize } from "../../trpc";
import { acknowledgeMessage } from "../../services/case/send-message";

export const acknowledge = authorize("case.acknowledge")
  .input(z.object({ caseId: z.string().uuid(), messageId: z.string().uuid() }))
  .mutation(({ ctx, input }) => acknowledgeMessage(ctx.db, ctx.actor, input));
