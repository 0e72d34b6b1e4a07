"use client";
import dynamic from "next/dynamic";

/** The logged-in frame with the API client, live updates and the outage banner, loaded after the page is shown (see kit/deferred.tsx). */
export const ShellFrame = dynamic(() => import("./shell-frame").then((m) => m.ShellFrame));
