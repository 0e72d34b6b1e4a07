import { z } from "zod";
import { adminProcedure, authorize } from "../../trpc";
import { endOutage } from "../../services/outage/manage";
import { mailOutageEnded } from "../../services/outage/contact-mail";

/** "Avsluta driftstörning": pages switch back, every unit's after-registration list is computed, and the kommuner asked to confirm the contact list hear that the outage is over. */
export const end = authorize("outage.end", adminProcedure)
  .input(z.object({ outageId: z.string().uuid() }))
  .mutation(async ({ ctx, input }) => {
    await endOutage(ctx.db, ctx.actor, input.outageId);
    // After commit, not awaited: a slow or failing SMTP server must not hold up the switch back.
    void mailOutageEnded(ctx.db, ctx.mailer ?? null, input.outageId).catch(() => undefined);
  });
