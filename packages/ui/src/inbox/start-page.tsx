import type { Portal, Role } from "@vardkedjan/domain/identity/types";
import { homeCareStart } from "@vardkedjan/domain/case/home-care";
import { HomeCareStartPage, WorklistPage } from "../deferred/care";

/** The care portals' start page: hemtjänst and hemsjukvård start from the patients coming home, everyone else from the worklist. */
export function CareStartPage({ portal, role, contextLabel }: { portal: Portal; role: Role; contextLabel: string }) {
  const homeCare = homeCareStart(role);
  return homeCare ? <HomeCareStartPage kind={homeCare} contextLabel={contextLabel} /> : <WorklistPage portal={portal} contextLabel={contextLabel} />;
}
