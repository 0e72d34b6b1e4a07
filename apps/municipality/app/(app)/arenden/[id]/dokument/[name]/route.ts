import { portal } from "@/server";

export const dynamic = "force-dynamic";
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; name: string }> }) {
  const { id, name } = await params;
  return portal.caseDocumentRoute(id, name);
}
