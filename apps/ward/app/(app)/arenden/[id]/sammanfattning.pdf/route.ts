import { portal } from "@/server";

export const dynamic = "force-dynamic";
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return portal.patientSummaryRoute(req, (await params).id);
}
