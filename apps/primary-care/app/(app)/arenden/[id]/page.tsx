import { CaseViewPage, PrefetchedQueries } from "@vardkedjan/ui";
import { portal } from "@/server";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { portal: portalId }] = await Promise.all([params, portal.shellProps()]);
  const state = await portal.prefetch((trpc) => [trpc.case.get.queryOptions({ caseId: id })]);
  return (
    <PrefetchedQueries state={state}>
      <CaseViewPage portal={portalId} caseId={id} />
    </PrefetchedQueries>
  );
}
