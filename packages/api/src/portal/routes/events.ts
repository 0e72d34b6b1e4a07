import { eventStream } from "../../realtime/stream";
import { resolveScopeUnitIds } from "../../services/workspace/scope";
import { regionOfActor } from "../../services/outage/region";
import type { PortalContext } from "../context";
import { hubFor } from "../resources";
import { withActor } from "../with-actor";

/**
 * GET /api/events: live updates for the open page (server-sent events): ids and kinds of what
 * changed in the active context's units and region, never patient data; the page refetches
 * through the API, where access is checked and audited.
 */
export function eventsRoute(ctx: PortalContext, req: Request): Promise<Response> {
  return withActor(ctx, "workspace.read", { route: "api/events", signedOut: "401" }, async (actor) => {
    const scope = await resolveScopeUnitIds(ctx.db(), actor.context);
    const regionId = await regionOfActor(ctx.db(), actor);
    const hub = hubFor(ctx.env().databaseUrl);
    await hub.ready();
    return new Response(eventStream(hub, actor, scope, regionId, req.signal), {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    });
  });
}
