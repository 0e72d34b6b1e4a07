import { createTRPCRouter } from "../../../trpc";
import { extract } from "./extract";
import { flags } from "./flags";
import { drawSampleProcedure, review, sample, samples } from "./samples";
import { search } from "./search";

/** Loggkontroll (PDL log review) in Förvaltning. */
export const auditRouter = createTRPCRouter({ search, extract, flags, samples, sample, drawSample: drawSampleProcedure, review });
