import { z } from "zod";
import { authorize, createTRPCRouter } from "../../trpc";
import {
  createPhraseTemplate,
  deletePhraseTemplate,
  listPhraseTemplates,
  TEMPLATE_TEXT_MAX,
  TEMPLATE_TITLE_MAX,
  updatePhraseTemplate,
} from "../../services/templates/phrase-templates";

const fields = {
  title: z.string({ error: "Rubriken får inte vara tom" }).max(TEMPLATE_TITLE_MAX, { error: `Rubriken får vara högst ${TEMPLATE_TITLE_MAX} tecken` }),
  text: z.string({ error: "Texten får inte vara tom" }).max(TEMPLATE_TEXT_MAX, { error: `Texten får vara högst ${TEMPLATE_TEXT_MAX} tecken` }),
};

/** A unit's phrase templates (textmallar): read and kept by the unit's own users, for the unit alone. */
export const templatesRouter = createTRPCRouter({
  list: authorize("phraseTemplates.manage").query(({ ctx }) => listPhraseTemplates(ctx.db, ctx.actor)),
  create: authorize("phraseTemplates.manage")
    .input(z.object(fields))
    .mutation(({ ctx, input }) => createPhraseTemplate(ctx.db, ctx.actor, input)),
  update: authorize("phraseTemplates.manage")
    .input(z.object({ id: z.string().uuid(), ...fields }))
    .mutation(({ ctx, input }) => updatePhraseTemplate(ctx.db, ctx.actor, input)),
  remove: authorize("phraseTemplates.manage")
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => deletePhraseTemplate(ctx.db, ctx.actor, input.id)),
});
