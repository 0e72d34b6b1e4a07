import { portal } from "@/server";

export const dynamic = "force-dynamic";
export const GET = () => portal.healthRoute();
