import { z } from "zod";
import { DEVIATION_TEXT_MAX } from "@vardkedjan/domain/deviation/types";
import { authorize } from "../../trpc";
import { transitionDeviation } from "../../services/deviation/transition";

const step = <T extends readonly [string, ...string[]]>(transitions: T) =>
  z.object({
    deviationId: z.string().uuid(),
    transition: z.enum(transitions),
    text: z.string().max(DEVIATION_TEXT_MAX).nullish(),
    version: z.number().int().min(1),
  });

/** The receiving organisation's responsible function investigates and answers. */
export const handle = authorize("deviation.handle")
  .input(step(["paborja_utredning", "besvara"] as const))
  .mutation(({ ctx, input }) => transitionDeviation(ctx.db, ctx.actor, input));

/** The reporting side closes an answered deviation, or reopens it. */
export const conclude = authorize("deviation.report")
  .input(step(["avsluta", "ateroppna"] as const))
  .mutation(({ ctx, input }) => transitionDeviation(ctx.db, ctx.actor, input));
