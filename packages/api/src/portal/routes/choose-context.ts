import { isAppError } from "../../errors";
import { chooseContext } from "../../services/identity/session";
import type { PortalContext } from "../context";
import { safePath } from "../gate";
import { crossSiteRefused, forRoute, isSameOriginPost } from "../requests";

/** POST /api/sammanhang: choose or switch context from a plain form (works without JS). */
export async function chooseContextRoute(ctx: PortalContext, req: Request): Promise<Response> {
  if (!isSameOriginPost(req, ctx.publicOrigin())) return crossSiteRefused();
  return forRoute("sammanhang", async () => {
    const base = ctx.publicOrigin();
    const session = await ctx.session();
    if (!session) return Response.redirect(`${base}/logga-in`, 303);
    const form = await req.formData();
    try {
      await chooseContext(ctx.db(), session, String(form.get("contextId") ?? ""));
    } catch (e) {
      if (isAppError(e)) return Response.redirect(`${base}/valj-sammanhang?fel=1`, 303);
      throw e;
    }
    return Response.redirect(`${base}${safePath(String(form.get("till") ?? "/"))}`, 303);
  });
}
