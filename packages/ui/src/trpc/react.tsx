"use client";
import { useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import type { AppRouter } from "@vardkedjan/api";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The Swedish message and our error code of a failed call. */
export function describeError(error: unknown): { message: string; appCode: string | null } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { userMessage?: string; appCode?: string | null } | undefined;
    return { message: data?.userMessage ?? error.message, appCode: data?.appCode ?? null };
  }
  return { message: "Kunde inte nå servern. Kontrollera nätverket och försök igen.", appCode: "NETWORK" };
}

/**
 * tRPC + React Query for a logged-in page. Every call carries the context the page was rendered
 * with, so a context switched in another tab is caught (STALE_CONTEXT) instead of silently
 * acting in the wrong unit.
 */
export function TRPCReactProvider({ children, contextId }: { children: ReactNode; contextId: string }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, retry: (n, e) => n < 2 && describeError(e).appCode === "NETWORK", refetchOnWindowFocus: true },
          mutations: { retry: false },
          // The page's server-side queries arrive serialised as the API's answers are (api/portal/prefetch.ts).
          hydrate: { deserializeData: superjson.deserialize },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // Queries go as POST too: a search may be a personnummer, and URLs end up in access logs.
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, methodOverride: "POST", headers: () => ({ "x-vk-context": contextId }) })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

export { useQueryClient };
