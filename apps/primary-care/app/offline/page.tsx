import type { Metadata } from "next";
import { OfflinePage } from "@vardkedjan/ui";

// Served by the service worker (/sw.js) when the server cannot be reached or answers with an
// error: no login, no patient data. Rendered per request like every page (CSP nonce); the worker
// keeps the copy it fetched, whose CSP header carries that copy's own nonce.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingen anslutning · Vårdkedjan" };

export default function Page() {
  return <OfflinePage portal="primarvard" />;
}
