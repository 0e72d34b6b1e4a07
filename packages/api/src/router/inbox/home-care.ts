import { authorize, municipalityProcedure } from "../../trpc";
import { getHomeCareOverview } from "../../services/inbox/home-care";

/** The start page of hemtjänst and hemsjukvård: home-comings, assignments, messages waiting. */
export const homeCare = authorize("case.read", municipalityProcedure).query(({ ctx }) => getHomeCareOverview(ctx.db, ctx.actor));
