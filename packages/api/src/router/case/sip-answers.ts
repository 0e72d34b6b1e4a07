import { z } from "zod";
import { SIP_ANSWERS } from "@vardkedjan/domain/case/structured-content";
import { authorize } from "../../trpc";
import { answerSipCall, listSipAnswers, SIP_COMMENT_MAX } from "../../services/case/sip-answers";

export const sipAnswers = authorize("case.read")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => listSipAnswers(ctx.db, ctx.actor, input.caseId));

export const answerSip = authorize("case.answerSip")
  .input(
    z.object({
      caseId: z.string().uuid(),
      callMessageId: z.string().uuid(),
      answer: z.enum(SIP_ANSWERS, { error: "Svara att din enhet kommer eller inte kommer" }),
      comment: z
        .string({ error: "Kommentaren måste vara text" })
        .max(SIP_COMMENT_MAX, { error: `Kommentaren får vara högst ${SIP_COMMENT_MAX} tecken` })
        .optional(),
    }),
  )
  .mutation(({ ctx, input }) => answerSipCall(ctx.db, ctx.actor, input));
