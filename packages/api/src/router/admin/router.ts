import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";
import { units } from "./units";
import { orgRouter } from "./org";
import { peopleRouter } from "./people";

export const adminRouter = createTRPCRouter({ overview, units, org: orgRouter, people: peopleRouter });
