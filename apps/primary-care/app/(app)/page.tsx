import { WorkspacePage } from "@vardkedjan/ui";
import { portal } from "@/server";

export default async function Page() {
  return <WorkspacePage {...await portal.workspaceProps()} />;
}
