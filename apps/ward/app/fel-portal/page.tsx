import { WrongPortalPage } from "@vardkedjan/ui";
import { portal } from "@/server";

export const dynamic = "force-dynamic";
export default async function Page() {
  return <WrongPortalPage {...await portal.wrongPortalProps()} />;
}
