import { checkHealth } from "../../services/system/health";
import type { PortalContext } from "../context";

/** GET /api/health: the database reachable and its migrations current (503 otherwise), for the reverse proxy and monitoring. */
export async function healthRoute(ctx: PortalContext): Promise<Response> {
  try {
    const report = await checkHealth(ctx.db());
    return Response.json({ portal: ctx.portal, ...report }, { status: report.ok ? 200 : 503 });
  } catch {
    return Response.json({ portal: ctx.portal, ok: false, database: "unreachable", migrations: null }, { status: 503 });
  }
}
