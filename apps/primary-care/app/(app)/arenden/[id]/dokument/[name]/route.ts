import { portal } from "@/server";

export const dynamic = "force-dynamic";
export async function GET(req: Request, { params }: { params: Promise<{ id: string; name: string }> }) {
  const { id, name } = await params;
  return portal.caseDocumentRoute(req, id, name);
}
