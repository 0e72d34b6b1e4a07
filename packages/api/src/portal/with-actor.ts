import { can, type Action } from "@vardkedjan/domain/access/actions";
import type { Actor } from "../actor";
import { AppError } from "../errors";
import { writeAudit } from "../audit";
import { actorOf } from "../services/identity/session";
import type { PortalContext } from "./context";
import { forRoute } from "./requests";

export interface ActorRoute {
  /** The route's name in the server log and in the audit row of a refusal. */
  route: string;
  /** Ids for the log line of an unexpected error (never patient data). */
  ids?: Record<string, string | null | undefined>;
  /**
   * Someone without an active context in this portal: a page the browser opens (a document) sends
   * them to log in; a stream the page opens is answered 401.
   */
  signedOut: "login" | "401";
}

/**
 * Every route handler that acts for a person goes through here, as every tRPC procedure goes
 * through `authorize`: the session's active context must be of this portal and its role allowed
 * the action by the one table (domain/access/actions.ts). A refusal is audited and answered 403
 * in Swedish, as a refused procedure is; a service's AppError becomes its Swedish answer, anything unexpected a logged 500
 * (forRoute). Case-level access is still the service's, through withCaseAccess.
 */
export function withActor(ctx: PortalContext, action: Action, route: ActorRoute, handle: (actor: Actor) => Promise<Response>): Promise<Response> {
  return forRoute(
    route.route,
    async () => {
      const session = await ctx.session();
      const actor = session ? actorOf(session) : null;
      if (!actor || actor.context.portal !== ctx.portal) {
        return route.signedOut === "401" ? new Response("Inte inloggad", { status: 401 }) : Response.redirect(`${ctx.publicOrigin()}/logga-in`, 303);
      }
      if (!can(actor.context.role, action)) {
        await writeAudit(ctx.db(), actor, {
          action: "access.denied",
          outcome: "denied",
          entityType: "route",
          entityId: route.route,
          details: { reason: "FORBIDDEN", requiredAction: action },
        });
        // The same answer as a refused procedure (trpc.ts); the audit row says what was required.
        throw new AppError("FORBIDDEN");
      }
      return handle(actor);
    },
    route.ids,
  );
}
