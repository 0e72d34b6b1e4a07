import { portal } from "@/server";

export const dynamic = "force-dynamic";
export async function GET(req: Request, { params }: { params: Promise<{ name: string }> }) {
  return portal.reportCsvRoute(req, (await params).name);
}
