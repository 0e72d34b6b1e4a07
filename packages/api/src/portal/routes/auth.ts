import type { PortalContext } from "../context";

/** /api/auth/*: Auth.js's own endpoints (the OIDC callback among them). */
export function authRoute(ctx: PortalContext) {
  return {
    GET: (req: Request) => ctx.auth().handlers.GET(req as never),
    POST: (req: Request) => ctx.auth().handlers.POST(req as never),
  };
}
