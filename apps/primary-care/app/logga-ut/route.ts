import { portal } from "@/server";

export const POST = (req: Request) => portal.signOutRoute(req);
