"use client";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "../trpc/react";
import { LiveUpdates } from "../trpc/live-updates";
import { config as zodConfig } from "zod";

// The domain's schemas validate forms in the browser too. Zod compiles its object parsers with
// `new Function` unless told not to, and the portals' Content-Security-Policy allows no eval.
zodConfig({ jitless: true });

/** The client side of every logged-in page: the API client bound to the active context, and live updates. */
export function ClientRoot({ contextId, children }: { contextId: string; children: ReactNode }) {
  return (
    <TRPCReactProvider contextId={contextId}>
      <LiveUpdates />
      {children}
    </TRPCReactProvider>
  );
}
