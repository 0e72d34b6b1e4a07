import { portal } from "@/server";

export const POST = (req: Request) => portal.chooseContextRoute(req);
