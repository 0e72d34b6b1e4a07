import { DEFAULT_WORKLIST_INPUT, PrefetchedQueries, WorklistPage } from "@vardkedjan/ui";
import { portal } from "@/server";

export default async function Page() {
  const { portal: id, contextLabel } = await portal.shellProps();
  const state = await portal.prefetch((trpc) => [trpc.case.list.queryOptions(DEFAULT_WORKLIST_INPUT), trpc.case.scopeUnits.queryOptions()]);
  return (
    <PrefetchedQueries state={state}>
      <WorklistPage portal={id} contextLabel={contextLabel} />
    </PrefetchedQueries>
  );
}
