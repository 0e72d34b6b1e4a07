"use client";
import { OfflinePage } from "@vardkedjan/ui";
import "./globals.css";

// When even the root layout fails: the offline page's guidance in a document of its own.
export default function GlobalError() {
  return (
    <html lang="sv">
      <body>
        <title>Vårdkedjan är inte tillgänglig · Vårdkedjan</title>
        <OfflinePage portal="forvaltning" />
      </body>
    </html>
  );
}
