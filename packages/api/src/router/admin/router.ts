import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";
import { units } from "./units";
import { rulesRouter } from "./rules/router";

export const adminRouter = createTRPCRouter({ overview, units, rules: rulesRouter });
