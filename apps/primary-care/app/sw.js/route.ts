import { serviceWorkerResponse } from "@vardkedjan/ui/service-worker";

export const dynamic = "force-static";
export const GET = () => serviceWorkerResponse();
