import { REPORT_DIMENSIONS, lastTwelveMonths, type ReportDimension } from "@vardkedjan/domain/reports/summary";
import { followUpReport } from "../../services/reports/follow-up";
import { followUpCsv, paymentCsv } from "../../services/reports/csv";
import type { PortalContext } from "../context";
import { withActor } from "../with-actor";

const FILES = { "uppfoljning.csv": followUpCsv, "betalningsansvar.csv": paymentCsv } as const;
const isFile = (name: string): name is keyof typeof FILES => name in FILES;

/**
 * GET /rapporter/<uppfoljning|betalningsansvar>.csv?dimension=&fran=&till=: the follow-up report
 * as CSV, through the same action and service (scope, audit) as the page. Aggregates only, so the
 * query string carries no patient data.
 */
export function reportCsvRoute(ctx: PortalContext, req: Request, name: string): Promise<Response> {
  return withActor(ctx, "reports.read", { route: "rapporter", signedOut: "login" }, async (actor) => {
    if (!isFile(name)) return new Response("Rapporten finns inte.", { status: 404 });
    const params = new URL(req.url).searchParams;
    const months = lastTwelveMonths(new Date());
    const dimension = params.get("dimension") ?? "sjukhus";
    if (!(REPORT_DIMENSIONS as readonly string[]).includes(dimension)) return new Response("Okänd indelning.", { status: 400 });
    const report = await followUpReport(ctx.db(), actor, {
      dimension: dimension as ReportDimension,
      from: params.get("fran") ?? months[0]!,
      to: params.get("till") ?? months.at(-1)!,
    });
    return new Response(FILES[name](report), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name.replace(".csv", "")}-${report.filter.from}-${report.filter.to}.csv"`,
        "cache-control": "no-store",
      },
    });
  });
}
