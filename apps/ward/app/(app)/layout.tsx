import { PortalShell } from "@vardkedjan/ui";
import { portal } from "@/server";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  return <PortalShell {...await portal.shellProps()}>{children}</PortalShell>;
}
