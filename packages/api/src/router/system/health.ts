import { publicProcedure } from "../../trpc";
import { checkHealth } from "../../services/system/health";

export const health = publicProcedure.query(({ ctx }) => checkHealth(ctx.db));
