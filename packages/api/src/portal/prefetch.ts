import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { appRouter, type AppRouter } from "../root";
import type { ApiContext } from "../trpc";
import { logServerError } from "./log";

/** The API as query options, called in this process: the same procedures, middleware and audit as `/api/trpc`. */
export type ServerTrpc = TRPCOptionsProxy<AppRouter>;

/** What `trpc.x.y.queryOptions(input)` gives; the query key is the one the page's client component builds. */
export interface PrefetchOptions {
  queryKey: readonly unknown[];
}

type FetchOptions = Parameters<QueryClient["prefetchQuery"]>[0];

/**
 * Runs a page's queries on the server, while the page renders, and returns their results as the
 * state the page's client components start from (`PrefetchedQueries` in @vardkedjan/ui), so the
 * content is in the first HTML instead of fetched after hydration.
 *
 * Each query is a call of the procedure through tRPC with the request's API context, exactly as
 * the HTTP endpoint makes it: the same session, the same `authorize(action)` and case access, the
 * same audit rows (a read is audited once per render, a refusal too). Only successful results are
 * handed to the page; a refused or failed query is left out, so the client component asks the API
 * itself and shows the same Swedish message and redirect as without prefetching.
 */
export async function prefetchQueries(apiContext: () => Promise<ApiContext>, pick: (trpc: ServerTrpc) => readonly PrefetchOptions[]): Promise<DehydratedState> {
  const queryClient = new QueryClient({
    defaultOptions: {
      // A refusal is answered once; the client asks again only when it has nothing to show.
      queries: { retry: false },
      // Dates and the like survive the trip to the client as the HTTP API's answers do (superjson).
      dehydrate: { serializeData: superjson.serialize },
    },
  });
  let context: Promise<ApiContext> | undefined;
  const trpc = createTRPCOptionsProxy<AppRouter>({ router: appRouter, ctx: () => (context ??= apiContext()), queryClient });
  await Promise.all(pick(trpc).map((options) => queryClient.prefetchQuery(options as FetchOptions)));
  for (const query of queryClient.getQueryCache().getAll()) {
    const error = query.state.error;
    // As the HTTP endpoint logs them (codes and the procedure only, log.ts); refusals are the API's answers.
    if (error && (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR"))
      logServerError(`prefetch ${JSON.stringify(query.queryKey[0])}`, error);
  }
  return dehydrate(queryClient);
}
