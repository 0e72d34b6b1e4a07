import { authorize } from "../../trpc";
import { scopeUnitOptions } from "../../services/case/scope-units";

/** The units the worklist can be narrowed to (e.g. one ward of the utskrivningsledare's hospital). */
export const scopeUnits = authorize("case.read").query(({ ctx }) => scopeUnitOptions(ctx.db, ctx.actor));
