import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";
import { units } from "./units";

export const adminRouter = createTRPCRouter({ overview, units });
