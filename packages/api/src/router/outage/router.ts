import { createTRPCRouter } from "../../trpc";
import { current } from "./current";
import { declare } from "./declare";
import { update, decide } from "./update";
import { end } from "./end";
import { list, get, confirmations, integrations, saveIntegrationProcedure, checkIntegrations } from "./admin";
import { logPhoneContactProcedure, phoneContacts, afterRegistration, registerAfterRegistration, voidAfterRegistration } from "./care";
import { callGuidance, tickChecklist } from "./guidance";
import { routineProfileProcedures } from "./profile";

export const outageRouter = createTRPCRouter({
  current,
  declare,
  update,
  decide,
  end,
  list,
  get,
  confirmations,
  integrations,
  saveIntegration: saveIntegrationProcedure,
  checkIntegrations,
  logPhoneContact: logPhoneContactProcedure,
  phoneContacts,
  afterRegistration,
  registerAfterRegistration,
  voidAfterRegistration,
  callGuidance,
  tickChecklist,
  ...routineProfileProcedures,
});
