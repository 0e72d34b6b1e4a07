import { CaseViewPage } from "@vardkedjan/ui";
import { portal } from "@/server";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { portal: portalId }] = await Promise.all([params, portal.shellProps()]);
  return <CaseViewPage portal={portalId} caseId={id} />;
}
