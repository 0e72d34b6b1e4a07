"use client";
import dynamic from "next/dynamic";

// Loaded after the page is shown, as the pages are (see kit/deferred.tsx).

/** The page's server-side queries for the client (trpc/prefetched.tsx), with the query library. */
export const PrefetchedQueries = dynamic(() => import("../trpc/prefetched").then((m) => m.PrefetchedQueries));

/**
 * A portal's error page (app/error.tsx, global-error.tsx): the offline page's guidance, loaded only
 * when an error page is shown. The server that answered with the error serves the script too; when
 * the server cannot be reached at all, the service worker answers with its saved /offline page.
 */
export const ErrorPage = dynamic(() => import("../outage/offline-page").then((m) => m.OfflinePage));
