import { endSession } from "../../services/identity/session";
import type { PortalContext } from "../context";
import { endSessionEndpoint } from "../oidc";
import { crossSiteRefused, forRoute, isSameOriginPost } from "../requests";

/** POST /logga-ut: end our session, then the IdP's (RP-initiated logout), so the next login asks who. */
export async function signOutRoute(ctx: PortalContext, req: Request): Promise<Response> {
  if (!isSameOriginPost(req, ctx.publicOrigin())) return crossSiteRefused();
  return forRoute("logga-ut", async () => {
    const session = await ctx.session();
    const { idToken } = session ? await endSession(ctx.db(), session.loginSessionId, ctx.portal) : { idToken: null };
    await ctx.auth().signOut({ redirect: false });
    const base = ctx.publicOrigin();
    const endpoint = await endSessionEndpoint(ctx.env().oidc.issuer);
    if (!endpoint) return Response.redirect(`${base}/utloggad`, 303);
    const url = new URL(endpoint);
    if (idToken) url.searchParams.set("id_token_hint", idToken);
    url.searchParams.set("client_id", ctx.env().oidc.clientId);
    url.searchParams.set("post_logout_redirect_uri", `${base}/utloggad`);
    return Response.redirect(url.toString(), 303);
  });
}
