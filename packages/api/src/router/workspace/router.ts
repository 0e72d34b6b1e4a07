import { createTRPCRouter } from "../../trpc";
import { overview } from "./overview";

export const workspaceRouter = createTRPCRouter({ overview });
