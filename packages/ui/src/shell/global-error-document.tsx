"use client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { ErrorPage } from "../deferred/shared";

/**
 * When even a portal's root layout fails: the offline page's guidance (the routine, the saved
 * contact list, the backup kit) in a document of its own, never the error itself.
 */
export function GlobalErrorDocument({ portal }: { portal: Portal }) {
  return (
    <html lang="sv">
      <body>
        <title>Vårdkedjan är inte tillgänglig · Vårdkedjan</title>
        <ErrorPage portal={portal} />
      </body>
    </html>
  );
}
