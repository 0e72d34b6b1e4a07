import { portal } from "@/server";

export const { GET, POST } = portal.authRoute;
