import type { PortalContext } from "../context";
import { safePath } from "../gate";

/** GET /logga-in: straight on to the identity provider, back to `till` (a path in this portal) after. */
export async function signInRoute(ctx: PortalContext, req: Request): Promise<Response> {
  const till = safePath(new URL(req.url).searchParams.get("till"));
  await ctx.auth().signIn("siths", { redirectTo: till });
  return new Response(null, { status: 204 });
}
