import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";
import { units } from "./units";
import { auditRouter } from "./audit/router";

export const adminRouter = createTRPCRouter({ overview, units, audit: auditRouter });
