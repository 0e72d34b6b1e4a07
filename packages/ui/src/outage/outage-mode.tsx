"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/react";
import type { ActiveOutage } from "./labels";

export interface OutageMode {
  /** An outage affecting the active context is in progress. */
  active: boolean;
  outages: ActiveOutage[];
  /** The first answer has not come yet (only without server-rendered data). */
  loading: boolean;
}

const OutageModeContext = createContext<OutageMode>({ active: false, outages: [], loading: false });

/**
 * Outage mode for every logged-in page: `outage.current`, rendered with the page (server data as
 * the initial value) and refetched when the server sends an `outage` event (LiveUpdates), so the
 * switch takes one round trip. A slow poll is the safety net for a stream that silently died.
 */
export function OutageModeProvider({ initialOutages, children }: { initialOutages?: ActiveOutage[]; children: ReactNode }) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.outage.current.queryOptions(undefined, {
      initialData: initialOutages,
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
    }),
  );
  const outages = query.data;
  const value = useMemo<OutageMode>(
    () => ({ active: (outages?.length ?? 0) > 0, outages: outages ?? [], loading: outages === undefined && query.isPending }),
    [outages, query.isPending],
  );
  return <OutageModeContext.Provider value={value}>{children}</OutageModeContext.Provider>;
}

/** Whether the page is in outage mode, and which outages: for components that switch behaviour. */
export function useOutageMode(): OutageMode {
  return useContext(OutageModeContext);
}
