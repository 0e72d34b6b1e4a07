import { WorklistPage } from "@vardkedjan/ui";
import { portal } from "@/server";

export default async function Page() {
  const { portal: id, contextLabel } = await portal.shellProps();
  return <WorklistPage portal={id} contextLabel={contextLabel} />;
}
