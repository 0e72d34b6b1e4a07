import type { QueryClient } from "@tanstack/react-query";
import type { ActiveOutage } from "./labels";

/**
 * What an `outage` event on the live-update stream changes, and so what an open page updates
 * when it arrives: the outage state (the banner's `outage.current`, which the event carries) and
 * the outage pages' own views of it (Förvaltning's list, detail, confirmations and integrations,
 * the case page's call guidance, and the after-registration lists an ended outage computes),
 * which are refetched. Nothing else: a worklist, a case or the contact list do not change when an
 * outage is declared, changed or ended, and a thousand pages refetching them at once would cost
 * the server a thousand audited reads of patient data at the moment it is needed most. (The
 * offline copy of the contact list keeps its own ten-minute refresh, and a changed case still
 * announces itself with a `case` event.)
 */
export const OUTAGE_EVENT_PROCEDURES: readonly string[] = ["current", "list", "get", "confirmations", "integrations", "callGuidance", "afterRegistration"];

/** Whether a cached query (by its tRPC query key, `[["outage", "current"], …]`) shows what an outage event changes. */
export function changesWithOutage(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && path.length === 2 && path[0] === "outage" && OUTAGE_EVENT_PROCEDURES.includes(String(path[1]));
}

const isCurrent = (queryKey: readonly unknown[]) => {
  const path = queryKey[0];
  return Array.isArray(path) && path[0] === "outage" && path[1] === "current";
};

/** The outage state an event carries, as `outage.current` answers it (its times arrive as text). */
function outagesOf(current: unknown): ActiveOutage[] | null {
  if (!Array.isArray(current)) return null;
  return (current as (Omit<ActiveOutage, "startedAt" | "expectedEndAt"> & { startedAt: string; expectedEndAt: string | null })[]).map((o) => ({
    ...o,
    startedAt: new Date(o.startedAt),
    expectedEndAt: o.expectedEndAt ? new Date(o.expectedEndAt) : null,
  }));
}

/**
 * What a page does when its stream says "outage": the banner takes the state the event carries
 * (no request), and the other outage views on screen refetch. Without a state (a reconnect, or a
 * server that could not compute it) the banner refetches too.
 */
export function applyOutageEvent(queryClient: QueryClient, event?: { current?: unknown }): Promise<void> {
  const outages = outagesOf(event?.current);
  if (outages) {
    for (const q of queryClient.getQueryCache().findAll({ predicate: (q) => isCurrent(q.queryKey) })) queryClient.setQueryData(q.queryKey, outages);
  }
  return queryClient.invalidateQueries({ predicate: (q) => changesWithOutage(q.queryKey) && !(outages && isCurrent(q.queryKey)) });
}
