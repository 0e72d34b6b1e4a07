import { portal } from "@/server";

export const dynamic = "force-dynamic";
export async function GET(req: Request, { params }: { params: Promise<{ name: string }> }) {
  return portal.documentRoute(req, (await params).name);
}
