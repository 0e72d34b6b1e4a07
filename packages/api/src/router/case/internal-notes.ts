import { z } from "zod";
import { authorize } from "../../trpc";
import { addInternalNote, INTERNAL_NOTE_MAX, listInternalNotes } from "../../services/case/internal-notes";

export const internalNotes = authorize("case.internalNotes")
  .input(z.object({ caseId: z.string().uuid() }))
  .query(({ ctx, input }) => listInternalNotes(ctx.db, ctx.actor, input.caseId));

export const addInternalNoteProcedure = authorize("case.internalNotes")
  .input(
    z.object({
      caseId: z.string().uuid(),
      text: z.string({ error: "Anteckningen får inte vara tom" }).max(INTERNAL_NOTE_MAX, { error: `Anteckningen får vara högst ${INTERNAL_NOTE_MAX} tecken` }),
    }),
  )
  .mutation(({ ctx, input }) => addInternalNote(ctx.db, ctx.actor, input));
