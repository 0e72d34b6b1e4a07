import { initTRPC, type TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { can, type Action } from "@vardkedjan/domain/access/actions";
import type { Db } from "@vardkedjan/db/client";
import type { Mailer } from "./mail/mailer";
import { AppError, isAppError, APP_ERROR_CODES, type AppErrorCode } from "./errors";
import { writeAudit } from "./audit";
import { inspectRawInput, type FieldError } from "./input";
import { databaseRefusal } from "./db-errors";
import { serializeOutput } from "./transformer";
import type { SessionView } from "./services/identity/session";
import { actorOf } from "./services/identity/session";
import type { Actor } from "./actor";
import type { OutageCache } from "./realtime/outage-cache";

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
  /** The process's outage cache, kept by its live-update hub (realtime/outage-cache.ts). */
  outageCache?: OutageCache | null;
}

/** What a procedure declares about itself: the action `authorize` requires and the portal it is limited to. */
export interface ProcedureMeta {
  action?: Action;
  portal?: Portal;
}

/**
 * tRPC's own refusals (no AppError behind them) as the application code a client can rely on:
 * an unknown procedure, an unreadable body, a transformer that cannot read a value …
 */
const TRPC_TO_APP: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  PARSE_ERROR: "MALFORMED_REQUEST",
  UNSUPPORTED_MEDIA_TYPE: "MALFORMED_REQUEST",
  BAD_REQUEST: "INVALID_INPUT",
  UNPROCESSABLE_CONTENT: "INVALID_INPUT",
  NOT_FOUND: "UNKNOWN_PROCEDURE",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  PAYLOAD_TOO_LARGE: "TOO_LARGE",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "TRANSITION_NOT_ALLOWED",
  SERVICE_UNAVAILABLE: "UNAVAILABLE",
};

const MAX_FIELD_ERRORS = 50;
const brief = (text: string) => (text.length > 500 ? `${text.slice(0, 499)}…` : text);

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    // Inputs are read by superjson; answers are written in its format by serializeOutput (the same
    // bytes for the plain values answers are made of, at a quarter of the CPU), which the client's
    // superjson reads.
    transformer: {
      input: superjson,
      output: { serialize: serializeOutput, deserialize: (v: Parameters<typeof superjson.deserialize>[0]) => superjson.deserialize(v) },
    },
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const app = isAppError(cause) ? cause : null;
      const invalid = cause instanceof ZodError;
      // A body that is not JSON, or a value the transformer cannot read ("Cannot convert x to a BigInt").
      const unreadable = cause instanceof SyntaxError && error.code !== "INTERNAL_SERVER_ERROR";
      const appCode: AppErrorCode = app?.code ?? (invalid ? "INVALID_INPUT" : unreadable ? "MALFORMED_REQUEST" : (TRPC_TO_APP[error.code] ?? "INTERNAL"));
      // The user sees a Swedish message; never a stack trace, an internal message or tRPC's/zod's English.
      const userMessage = brief(app?.userMessage ?? APP_ERROR_CODES[appCode].sv);
      const fields = invalid
        ? cause.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
        : // A form refused by the domain (e.g. a message's payload) carries its Swedish field errors.
          (app?.details?.fields as FieldError[] | undefined);
      return {
        message: userMessage,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          appCode,
          userMessage,
          // A list of 10 000 bad items gets the first few errors, not a megabyte of them.
          fieldErrors: fields?.slice(0, MAX_FIELD_ERRORS).map((f) => ({ path: brief(f.path), message: brief(f.message) })),
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns AppErrors thrown by services into tRPC errors with the Swedish message kept. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isAppError(cause)) throw cause.toTRPCError();
    // The database refused a value (a data exception, a broken reference, a lost race on a unique
    // key): the input's fault or a conflict, answered as such, not as a server error.
    const refusal = databaseRefusal(cause);
    if (refusal) throw new AppError(refusal, { internal: `database ${refusal}` }).toTRPCError();
  }
  return result;
});

/** Refuses, before any schema or service sees it, input that no procedure accepts (see inspectRawInput). */
const inputGuard = t.middleware(async ({ getRawInput, next }) => {
  const bad = inspectRawInput(await getRawInput());
  if (bad) throw new AppError("INVALID_INPUT", { userMessage: bad.message, details: { fields: [bad] } }).toTRPCError();
  return next();
});

export const publicProcedure = t.procedure.use(appErrors).use(inputGuard);

/** A logged-in person with an active context in this portal; adds `actor`. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new AppError("UNAUTHENTICATED").toTRPCError();
  const actor = actorOf(ctx.session);
  if (!actor) throw new AppError("NO_ACTIVE_CONTEXT").toTRPCError();
  if (actor.context.portal !== ctx.portal) throw new AppError("WRONG_PORTAL").toTRPCError();
  if (ctx.expectedContextId && ctx.expectedContextId !== actor.context.id) throw new AppError("STALE_CONTEXT").toTRPCError();
  return next({ ctx: { ...ctx, session: ctx.session, actor } });
});

/**
 * A refusal of the active role or portal, audited (committed on its own: there is no transaction to
 * share) with the procedure and what it requires, then answered with `code`.
 */
async function refuse(ctx: ApiContext & { actor: Actor }, path: string, code: "FORBIDDEN" | "WRONG_PORTAL", meta: ProcedureMeta): Promise<never> {
  await writeAudit(ctx.db, ctx.actor, {
    action: "access.denied",
    outcome: "denied",
    entityType: "procedure",
    entityId: path,
    details: { reason: code, ...(meta.action ? { requiredAction: meta.action } : {}), ...(meta.portal ? { requiredPortal: meta.portal } : {}) },
  });
  throw new AppError(code).toTRPCError();
}

function portalProcedure(portal: Portal) {
  return protectedProcedure.meta({ portal }).use(async ({ ctx, next, path }) => {
    if (ctx.portal !== portal) await refuse(ctx, path, "WRONG_PORTAL", { portal });
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
  // The action is declared as the procedure's metadata too, so tests and tools read what each
  // procedure requires from the router instead of a table kept beside it.
  return base.meta({ action }).use(async ({ ctx, next, path, meta }) => {
    if (!can(ctx.actor.context.role, action)) await refuse(ctx, path, "FORBIDDEN", { ...meta, action });
    return next();
  });
}
