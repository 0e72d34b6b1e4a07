import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { homeCare } from "./home-care";

export const inboxRouter = createTRPCRouter({ list, homeCare });
