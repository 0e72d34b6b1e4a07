import { z } from "zod";
import { unitIdList } from "../../input";
import { MESSAGE_KINDS } from "@vardkedjan/domain/case/types";
import { MAX_CONFIRMATION_REASON } from "@vardkedjan/domain/case/send-warnings";
import { authorize } from "../../trpc";
import { sendMessage } from "../../services/case/send-message";

export const sendMessageProcedure = authorize("case.sendMessage")
  .input(
    z.object({
      caseId: z.string().uuid(),
      kind: z.enum(MESSAGE_KINDS),
      payload: z.record(z.string(), z.unknown()),
      freeText: z.string().max(10_000).nullish(),
      title: z.string().max(200).nullish(),
      recipientUnitIds: unitIdList(20),
      correctsMessageId: z.string().uuid().nullish(),
      idempotencyKey: z.string().min(8).max(100),
      baseVersion: z.number().int().min(0).nullish(),
      confirmation: z.object({ confirmed: z.boolean(), reason: z.string().max(MAX_CONFIRMATION_REASON + 1000) }).nullish(),
    }),
  )
  .mutation(({ ctx, input }) => sendMessage(ctx.db, ctx.actor, input));
