"use client";
import dynamic from "next/dynamic";
import { gated } from "../kit/deferred";

// Slutenvård's own pages, loaded after the page is shown (see kit/deferred.tsx).
export const NewCasePage = dynamic(() => import("../case/new-case/new-case-page").then((m) => gated(m.NewCasePage)));
export const ReadyOverviewPage = dynamic(() => import("../payment/ward/ready-overview-page").then((m) => gated(m.ReadyOverviewPage)));
