import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { can, type Action } from "@vardkedjan/domain/access/actions";
import type { Db } from "@vardkedjan/db/client";
import type { Mailer } from "./mail/mailer";
import { AppError, isAppError, APP_ERROR_CODES } from "./errors";
import type { SessionView } from "./services/identity/session";
import { actorOf } from "./services/identity/session";

export interface ApiContext {
  db: Db;
  /** The portal this API instance is mounted in. */
  portal: Portal;
  session: SessionView | null;
  /** The context id the page was rendered with (header x-vk-context), to catch a second tab. */
  expectedContextId: string | null;
  /** Outgoing e-mail (SMTP), when configured. */
  mailer?: Mailer | null;
  /** Public base URLs of the portals, for links in e-mail. */
  portalUrls?: Record<Portal, string>;
}

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const app = isAppError(cause) ? cause : null;
    const invalid = cause instanceof ZodError;
    // The user sees a Swedish message; never a stack trace or an internal message.
    const userMessage = app?.userMessage ?? (invalid ? APP_ERROR_CODES.INVALID_INPUT.sv : error.code === "INTERNAL_SERVER_ERROR" ? APP_ERROR_CODES.INTERNAL.sv : error.message);
    return {
      message: userMessage,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        appCode: app?.code ?? (invalid ? "INVALID_INPUT" : null),
        userMessage,
        fieldErrors: invalid
          ? cause.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
          : // A form refused by the domain (e.g. a message's payload) carries its Swedish field errors.
            (app?.details?.fields as { path: string; message: string }[] | undefined),
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns AppErrors thrown by services into tRPC errors with the Swedish message kept. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    throw result.error.cause.toTRPCError();
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

/** A logged-in person with an active context in this portal; adds `actor`. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new AppError("UNAUTHENTICATED").toTRPCError();
  const actor = actorOf(ctx.session);
  if (!actor) throw new AppError("NO_ACTIVE_CONTEXT").toTRPCError();
  if (actor.context.portal !== ctx.portal) throw new AppError("WRONG_PORTAL").toTRPCError();
  if (ctx.expectedContextId && ctx.expectedContextId !== actor.context.id) throw new AppError("STALE_CONTEXT").toTRPCError();
  return next({ ctx: { ...ctx, session: ctx.session, actor } });
});

function portalProcedure(portal: Portal) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (ctx.portal !== portal) throw new AppError("WRONG_PORTAL").toTRPCError();
    return next();
  });
}

/** Procedure builders per portal, narrowing to its active role and unit scope. */
export const wardProcedure = portalProcedure("slutenvard");
export const primaryCareProcedure = portalProcedure("primarvard");
export const municipalityProcedure = portalProcedure("kommun");
export const adminProcedure = portalProcedure("forvaltning");

/** The access chokepoint: the active role must be allowed the action (rules in @vardkedjan/domain). */
export function authorize(action: Action, base: typeof protectedProcedure = protectedProcedure) {
  return base.use(({ ctx, next }) => {
    if (!can(ctx.actor.context.role, action)) throw new AppError("FORBIDDEN").toTRPCError();
    return next();
  });
}
