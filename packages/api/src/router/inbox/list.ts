import { z } from "zod";
import { authorize } from "../../trpc";
import { dateInput } from "../../input";
import { getInbox } from "../../services/inbox/inbox";

/** Inkorg: the unit's unacknowledged messages, newest first, a page at a time. */
export const list = authorize("case.read")
  .input(
    z.object({
      after: z.object({ occurredAt: dateInput(), messageId: z.string().uuid() }).nullish(),
      limit: z.number().int().min(1).max(100).default(25),
    }),
  )
  .query(({ ctx, input }) => getInbox(ctx.db, ctx.actor, input));
