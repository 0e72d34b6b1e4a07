import { CareStartPage, DEFAULT_WORKLIST_INPUT, PrefetchedQueries, homeCareStart } from "@vardkedjan/ui";
import { portal } from "@/server";

export default async function Page() {
  const { portal: id, contextLabel, role } = await portal.shellProps();
  // Hemtjänst and hemsjukvård start from the patients coming home; everyone else from the
  // worklist, rendered with its data on the server.
  if (homeCareStart(role)) return <CareStartPage portal={id} role={role} contextLabel={contextLabel} />;
  const state = await portal.prefetch((trpc) => [trpc.case.list.queryOptions(DEFAULT_WORKLIST_INPUT), trpc.case.scopeUnits.queryOptions()]);
  return (
    <PrefetchedQueries state={state}>
      <CareStartPage portal={id} role={role} contextLabel={contextLabel} />
    </PrefetchedQueries>
  );
}
