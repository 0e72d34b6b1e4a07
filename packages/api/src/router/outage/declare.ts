import { z } from "zod";
import { dateInput, unitIdList } from "../../input";
import { adminProcedure, authorize } from "../../trpc";
import { OUTAGE_SCOPE_KINDS, OUTAGE_SYSTEM_LABELS, OUTAGE_SYSTEMS } from "@vardkedjan/domain/outage/types";
import { declareOutage } from "../../services/outage/manage";
import { mailConfirmationRequests } from "../../services/contacts/confirmations";

export const declare = authorize("outage.declare", adminProcedure)
  .input(
    z.object({
      system: z.enum(OUTAGE_SYSTEMS),
      systemDetail: z.string().max(200).nullish(),
      scope: z.enum(OUTAGE_SCOPE_KINDS),
      unitIds: unitIdList(500).optional(),
      expectedEndAt: dateInput().nullish(),
      message: z.string().max(2000).nullish(),
      /** Double-click protection: a replay of the same key returns the same outage. */
      idempotencyKey: z.string().min(8).max(100),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const result = await declareOutage(ctx.db, ctx.actor, input);
    // After commit: a slow or failing SMTP server must not hold up the switch to outage mode.
    // A replayed key returns no confirmations, so its e-mail batch is never sent twice.
    if (result.confirmations.length) {
      void mailConfirmationRequests(
        ctx.db,
        ctx.mailer ?? null,
        result.confirmations,
        ctx.portalUrls?.forvaltning ?? "",
        OUTAGE_SYSTEM_LABELS[input.system],
      ).catch(() => undefined);
    }
    return { outageId: result.outageId, confirmationRequests: result.confirmations.length };
  });
