import { z } from "zod";
import { authorize, createTRPCRouter } from "../../trpc";
import { getMyContactList, saveContactEntry, contactEntryHistory } from "../../services/contacts/contacts";
import { openConfirmation, answerConfirmation } from "../../services/contacts/confirmations";

const entry = z.object({
  entryId: z.string().uuid().nullish(),
  organisationId: z.string().uuid(),
  unitId: z.string().uuid().nullish(),
  function: z.string().max(200),
  phones: z.array(z.string().max(40)).max(10),
  openingHours: z.string().max(200).nullish(),
  functionMailbox: z.string().max(200).nullish(),
  postalAddress: z.string().max(300).nullish(),
  note: z.string().max(1000).nullish(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  changeNote: z.string().max(500).nullish(),
  remove: z.boolean().optional(),
});

export const contactsRouter = createTRPCRouter({
  /** Kontaktlista driftstörning of the user's region: published in every portal. */
  list: authorize("contactList.read").query(({ ctx }) => getMyContactList(ctx.db, ctx.actor)),
  save: authorize("contactList.edit")
    .input(entry)
    .mutation(({ ctx, input }) => saveContactEntry(ctx.db, ctx.actor, input)),
  history: authorize("contactList.edit")
    .input(z.object({ entryId: z.string().uuid() }))
    .query(({ ctx, input }) => contactEntryHistory(ctx.db, ctx.actor, input.entryId)),
  /** The confirmation request behind the link in the representative's e-mail. */
  openConfirmation: authorize("contactList.edit")
    .input(z.object({ token: z.string().min(10).max(100) }))
    .query(({ ctx, input }) => openConfirmation(ctx.db, ctx.actor, input.token)),
  answerConfirmation: authorize("contactList.edit")
    .input(z.object({ token: z.string().min(10).max(100), response: z.enum(["bekraftad", "korrigerad"]), comment: z.string().max(1000).nullish() }))
    .mutation(({ ctx, input }) => answerConfirmation(ctx.db, ctx.actor, input)),
});
