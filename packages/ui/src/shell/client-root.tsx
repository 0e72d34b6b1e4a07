"use client";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "../trpc/react";
import { LiveUpdates } from "../trpc/live-updates";
import { FocusHeadingOnNavigation } from "./focus-on-navigation";

/** The client side of every logged-in page: the API client bound to the active context, live updates, and focus on the heading after an in-app navigation. */
export function ClientRoot({ contextId, children }: { contextId: string; children: ReactNode }) {
  return (
    <TRPCReactProvider contextId={contextId}>
      <LiveUpdates />
      <FocusHeadingOnNavigation />
      {children}
    </TRPCReactProvider>
  );
}
