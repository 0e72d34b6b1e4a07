import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { get } from "./get";
import { prepare } from "./prepare";
import { create } from "./create";
import { sendMessageProcedure } from "./send-message";
import { acknowledge } from "./acknowledge";
import { fixedCareContacts } from "./fixed-care-contacts";
import { addPartyProcedure, partyOptionsProcedure } from "./add-party";
import { scopeUnits } from "./scope-units";
import { addInternalNoteProcedure, internalNotes } from "./internal-notes";
import { answerSip, sipAnswers } from "./sip-answers";
import { physicians } from "./physicians";
import { trainingPersons } from "./training-persons";

export const caseRouter = createTRPCRouter({
  list,
  get,
  prepare,
  create,
  sendMessage: sendMessageProcedure,
  acknowledge,
  fixedCareContacts,
  addParty: addPartyProcedure,
  partyOptions: partyOptionsProcedure,
  scopeUnits,
  internalNotes,
  addInternalNote: addInternalNoteProcedure,
  sipAnswers,
  answerSip,
  physicians,
  trainingPersons,
});
