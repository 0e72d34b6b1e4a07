import { TRPCError } from "@trpc/server";
import { unstable_rethrow } from "next/navigation";
import { isAppError, type AppErrorCode } from "../errors";
import { logServerError } from "./log";

/**
 * Guards for the portal's HTTP edges: which requests are let in, and what a failure looks like
 * from outside (Swedish, no detail) and in the log (codes and ids only, see log.ts).
 */

/**
 * A state-changing form post (context switch, sign-out) must come from this portal's own pages.
 * Browsers send `Origin` on every POST, but as "null" when the page's Referrer-Policy is
 * `no-referrer` (as a reverse proxy may set it); then, and for a client that leaves Origin out,
 * the browser's own `Sec-Fetch-Site` (which no page script can set) decides. A request with
 * neither is refused: without them we cannot tell a cross-site form from our own.
 */
export function isSameOriginPost(req: Request, publicOrigin: string): boolean {
  const origin = req.headers.get("origin");
  if (origin !== null && origin !== "null") return origin === publicOrigin;
  return req.headers.get("sec-fetch-site") === "same-origin";
}

export const CROSS_SITE_REFUSAL = "Otillåten begäran: formuläret kom inte från Vårdkedjans egen sida.";

export function crossSiteRefused(): Response {
  return new Response(CROSS_SITE_REFUSAL, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** The stable application code of the GET refusal below (tRPC's own code for HTTP 405 beside it). */
export const POST_REQUIRED_CODE = "METHOD_NOT_ALLOWED" satisfies AppErrorCode;
export const POST_REQUIRED_MESSAGE = "Anrop till Vårdkedjans API ska skickas med POST, så att inga uppgifter hamnar i adressen.";

/**
 * API calls travel as POST only, queries too (the client sets `methodOverride: "POST"`), so that
 * no input (a searched personnummer, a free text) is ever part of a URL, which proxies, browser
 * history and access logs keep. A GET is answered, in the tRPC error shape the client reads,
 * with a Swedish message and a stable code, and never reaches a procedure.
 */
export function refuseQueryInUrl(req: Request): Response | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const error = {
    message: POST_REQUIRED_MESSAGE,
    code: -32005,
    data: { code: "METHOD_NOT_SUPPORTED", httpStatus: 405, appCode: POST_REQUIRED_CODE, userMessage: POST_REQUIRED_MESSAGE },
  };
  // superjson's envelope ({ json }), as every other answer of this endpoint.
  return Response.json({ error: { json: error } }, { status: 405, headers: { allow: "POST", "cache-control": "no-store" } });
}

/** Thrown instead of an unexpected error in a page: its message is safe to log and to show. */
export class PortalUnavailableError extends Error {
  override readonly name = "PortalUnavailableError";
  constructor() {
    super("Vårdkedjan kan inte visa sidan just nu.");
  }
}

/** Errors meant for the user (Swedish, no detail) and Next's own control flow pass unchanged. */
function passesThrough(e: unknown): boolean {
  if (isAppError(e) || e instanceof PortalUnavailableError) return true;
  return e instanceof TRPCError && e.code !== "INTERNAL_SERVER_ERROR";
}

/**
 * For the view models of server-rendered pages: an unexpected error (the database gone, a bug)
 * is logged here, by codes and ids only, and replaced by `PortalUnavailableError`, so that Next's
 * own logging of the render error (which prints message and cause) never sees a query's
 * parameters. The page then shows the portal's Swedish error page.
 */
export async function forPage<T>(where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    unstable_rethrow(e);
    if (passesThrough(e)) throw e;
    logServerError(where, e);
    throw new PortalUnavailableError();
  }
}

/** For route handlers: an unexpected error becomes a Swedish 500 (a redirect still redirects). */
export async function forRoute(where: string, fn: () => Promise<Response>, ids?: Record<string, string | null | undefined>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    unstable_rethrow(e);
    if (isAppError(e)) return new Response(e.userMessage, { status: e.httpStatus, headers: { "content-type": "text/plain; charset=utf-8" } });
    // Already logged where it was thrown (forPage).
    if (!(e instanceof PortalUnavailableError)) logServerError(where, e, ids);
    return new Response("Vårdkedjan kan inte svara just nu. Försök igen om en stund; fungerar det inte, arbeta enligt reservrutinen.", {
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
}
