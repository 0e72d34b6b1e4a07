import { createTRPCRouter } from "../../trpc";
import { health } from "./health";

export const systemRouter = createTRPCRouter({ health });
