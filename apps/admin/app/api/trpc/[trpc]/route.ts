import { portal } from "@/server";

const handler = (req: Request) => portal.trpcRoute(req);
export { handler as GET, handler as POST };
