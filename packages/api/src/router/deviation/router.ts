import { createTRPCRouter } from "../../trpc";
import { report } from "./report";
import { forCase, get, list } from "./read";
import { conclude, handle } from "./transition";
import { statistics } from "./statistics";

export const deviationRouter = createTRPCRouter({ report, list, get, forCase, handle, conclude, statistics });
