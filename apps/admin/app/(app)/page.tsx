import { AdminOverviewPage } from "@vardkedjan/ui";
import { portal } from "@/server";

export default async function Page() {
  return <AdminOverviewPage {...await portal.adminOverviewProps()} />;
}
