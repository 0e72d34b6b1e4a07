import { z } from "zod";
import { authorize } from "../../trpc";
import { logPhoneContact, listPhoneContacts } from "../../services/outage/phone-log";
import { listAfterRegistration, registerAfterRegistrationItem } from "../../services/outage/after-registration";
import { voidAfterRegistrationItem } from "../../services/outage/after-registration-void";

/** "Logga telefonkontakt": the form is validated in the domain (Swedish field errors). */
export const logPhoneContactProcedure = authorize("outage.logPhoneContact")
  .input(z.object({ form: z.record(z.string(), z.unknown()), idempotencyKey: z.string().min(8).max(100) }))
  .mutation(({ ctx, input }) => logPhoneContact(ctx.db, ctx.actor, input));

export const phoneContacts = authorize("case.read")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => listPhoneContacts(ctx.db, ctx.actor, input.caseId));

export const afterRegistration = authorize("case.read").query(({ ctx }) => listAfterRegistration(ctx.db, ctx.actor));

export const registerAfterRegistration = authorize("afterRegistration.register")
  .input(
    z.object({
      itemId: z.string().uuid(),
      payload: z.record(z.string(), z.unknown()).nullish(),
      freeText: z.string().max(10_000).nullish(),
      summaryTexts: z.array(z.string().max(10_000)).max(20).nullish(),
      /** The user saw the possible duplicate and registers all the same. */
      registerAnyway: z.boolean().nullish(),
    }),
  )
  .mutation(({ ctx, input }) => registerAfterRegistrationItem(ctx.db, ctx.actor, input));

/** "Makulera": dismiss a possible duplicate, with a short reason (checked in the service, in Swedish). */
export const voidAfterRegistration = authorize("afterRegistration.register")
  .input(z.object({ itemId: z.string().uuid(), reason: z.string().max(500, { error: "Skälet får vara högst 500 tecken" }) }))
  .mutation(({ ctx, input }) => voidAfterRegistrationItem(ctx.db, ctx.actor, input));
