import { eventStream } from "../../realtime/stream";
import { contextScope, outageStateOfSession } from "../../services/outage/current";
import type { PortalContext } from "../context";
import { hubFor } from "../resources";
import { withActor } from "../with-actor";

/**
 * GET /api/events: live updates for the open page (server-sent events): ids and kinds of what
 * changed in the active context's units, never patient data, and the page's outage state when
 * an outage of its region changes; for a case the page refetches through the API, where access
 * is checked and audited.
 */
export function eventsRoute(ctx: PortalContext, req: Request): Promise<Response> {
  return withActor(ctx, "workspace.read", { route: "api/events", signedOut: "401" }, async (actor) => {
    const hub = hubFor(ctx.env().databaseUrl);
    await hub.ready();
    // The context's units and region, kept per context while the hub listens (many tabs, one lookup).
    const { regionId, unitIds } = await contextScope(ctx.db(), actor, hub.outages);
    // An outage event carries what outage.current answers the page, while its session is live.
    const outageState = () => outageStateOfSession(ctx.db(), actor, ctx.portal, hub.outages);
    return new Response(eventStream(hub, actor, [...unitIds], regionId, req.signal, outageState), {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    });
  });
}
