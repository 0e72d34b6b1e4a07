import { portal } from "@/server";

export const dynamic = "force-dynamic";
export const GET = (req: Request) => portal.eventsRoute(req);
