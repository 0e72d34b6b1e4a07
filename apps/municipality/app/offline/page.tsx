import type { Metadata } from "next";
import { OfflinePage } from "@vardkedjan/ui";

// Served by public/sw.js when the server cannot be reached: static, no login, no patient data.
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Ingen anslutning · Vårdkedjan" };

export default function Page() {
  return <OfflinePage portal="kommun" />;
}
