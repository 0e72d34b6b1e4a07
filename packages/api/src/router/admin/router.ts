import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";

export const adminRouter = createTRPCRouter({ overview });
