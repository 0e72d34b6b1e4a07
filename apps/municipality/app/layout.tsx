import type { Metadata } from "next";
import "./globals.css";

// Every page is rendered per request, so Next can put this response's CSP nonce on its scripts
// (see the app's proxy.ts); a prerendered page would carry none and not run.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Vårdkedjan · Kommun", description: "Samordnad utskrivningsplanering" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body>{children}</body>
    </html>
  );
}
