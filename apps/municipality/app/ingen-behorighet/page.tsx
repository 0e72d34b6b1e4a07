import { NoAccessPage } from "@vardkedjan/ui";
import { portal } from "@/server";

export const dynamic = "force-dynamic";
export default async function Page() {
  return <NoAccessPage {...await portal.noAccessProps()} />;
}
