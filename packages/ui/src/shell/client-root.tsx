"use client";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "../trpc/react";
import { LiveUpdates } from "../trpc/live-updates";

/** The client side of every logged-in page: the API client bound to the active context, and live updates. */
export function ClientRoot({ contextId, children }: { contextId: string; children: ReactNode }) {
  return (
    <TRPCReactProvider contextId={contextId}>
      <LiveUpdates />
      {children}
    </TRPCReactProvider>
  );
}
