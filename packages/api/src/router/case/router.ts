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
});
