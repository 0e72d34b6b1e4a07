import { createTRPCRouter } from "../../../trpc";
import { findPeopleProcedure, get, list, options } from "./read";
import { create, setEnabled, update } from "./write";
import { simulate } from "./simulate";
import { affectedSessions, endAffected } from "./sessions";

/** Förvaltning's Behörighetsregler and Testa inloggning. */
export const rulesRouter = createTRPCRouter({
  list,
  get,
  options,
  findPeople: findPeopleProcedure,
  create,
  update,
  setEnabled,
  simulate,
  affectedSessions,
  endAffected,
});
