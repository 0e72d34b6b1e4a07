import { portal } from "@/server";

export const GET = (req: Request) => portal.signInRoute(req);
