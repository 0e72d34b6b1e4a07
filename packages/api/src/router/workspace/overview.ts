import { authorize } from "../../trpc";
import { getWorkspaceOverview } from "../../services/workspace/overview";

export const overview = authorize("workspace.read").query(({ ctx }) => getWorkspaceOverview(ctx.db, ctx.actor));
