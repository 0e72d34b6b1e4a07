import { portal } from "@/server";

export const dynamic = "force-dynamic";
export async function GET(req: Request, { params }: { params: Promise<{ kommun: string; manad: string; fil: string }> }) {
  const { kommun, manad, fil } = await params;
  return portal.invoiceExportRoute(req, kommun, manad, fil);
}
