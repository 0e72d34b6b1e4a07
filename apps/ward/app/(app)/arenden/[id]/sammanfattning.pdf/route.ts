import { portal } from "@/server";

export const dynamic = "force-dynamic";
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return portal.patientSummaryRoute((await params).id);
}
