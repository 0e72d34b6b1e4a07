import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";
import { units } from "./units";
import { rulesRouter } from "./rules/router";
import { orgRouter } from "./org";
import { peopleRouter } from "./people";
import { auditRouter } from "./audit/router";

export const adminRouter = createTRPCRouter({ overview, units, rules: rulesRouter, org: orgRouter, people: peopleRouter, audit: auditRouter });
