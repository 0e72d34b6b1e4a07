"use client";
import type { ReactNode } from "react";
import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";

/**
 * Starts the client components inside from the queries the page ran on the server
 * (`portal.prefetch(…)`), so their content is in the first HTML and no fetch follows hydration.
 * Live updates and refocus refetch them as any other query (the data is read with superjson by
 * the query client in react.tsx, as the API's answers are).
 */
export function PrefetchedQueries({ state, children }: { state: DehydratedState; children: ReactNode }) {
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
