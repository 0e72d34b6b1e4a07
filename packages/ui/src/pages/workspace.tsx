import type { Portal } from "@vardkedjan/domain/identity/types";
import { WorklistPage } from "../case/worklist/worklist-page";

export interface WorkspaceData {
  openCases: number;
  byStage: Record<string, number>;
  unacknowledgedMessages: number;
}

/**
 * Min arbetsyta: the active context's worklist. Kept for the `workspaceProps()` view model; the
 * counts in `data` are not needed any more (the worklist fetches its rows itself).
 */
export function WorkspacePage({ portal, contextLabel }: { portal: Portal; heading?: string; contextLabel: string; data?: WorkspaceData }) {
  return <WorklistPage portal={portal} contextLabel={contextLabel} />;
}
