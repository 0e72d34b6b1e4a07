import { createTRPCRouter } from "../../trpc";
import { current } from "./current";
import { switchContext } from "./switch-context";

export const sessionRouter = createTRPCRouter({ current, switchContext });
