"use client";
import { useMemo, useSyncExternalStore } from "react";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { PlainPage } from "../shell/plain-page";
import { formatDateTime } from "../kit/format";
import { ContactListTables } from "./contact-list-view";
import { OFFLINE_CONTACTS_KEY, type StoredContactList } from "./labels";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}
const readStored = (): string | null => {
  try {
    return window.localStorage.getItem(OFFLINE_CONTACTS_KEY);
  } catch {
    return null;
  }
};
/** On the server there is no stored copy; the browser reads its own after hydration. */
const serverSnapshot = (): string | null | undefined => undefined;

function parse(raw: string | null | undefined): StoredContactList | null | undefined {
  if (raw === undefined) return undefined;
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as StoredContactList;
    return v && Array.isArray(v.list?.entries) ? v : null;
  } catch {
    return null;
  }
}

/** "Försök igen": the page that failed (the worker answers at its address), or the start page from /offline itself. */
function retry(): void {
  if (window.location.pathname === "/offline") window.location.assign("/");
  else window.location.reload();
}

/**
 * What a user sees when Vårdkedjan itself is down: at /offline, which the service worker shows
 * when the portal's server cannot be reached or answers a page with a server error, and as each
 * portal's error page (app/error.tsx) when a page cannot be rendered. No login and no patient
 * data: the routine's first steps, the contact list this browser saved the last time someone was
 * logged in (with its version and when it was fetched), and the backup kit PDF with the forms,
 * which the service worker keeps.
 */
export function OfflinePage({ portal }: { portal: Portal }) {
  const raw = useSyncExternalStore(subscribe, readStored, serverSnapshot);
  const stored = useMemo(() => parse(raw), [raw]);

  return (
    <PlainPage portal={portal} heading="Vårdkedjan är inte tillgänglig just nu">
      <div className="mb-6 rounded border-2 border-warn bg-warn-bg p-4 text-ink" data-testid="offline-notice">
        <p className="font-semibold text-warn">
          <span aria-hidden="true">⚠ </span>
          Tjänsten svarar inte. Arbeta enligt reservrutinen:
        </p>
        <ul className="mt-2 list-disc pl-6">
          <li>All kommunikation sker per telefon, med numren nedan.</li>
          <li>Anteckna varje samtal på blanketten i reservpärmen: datum, tid, vem du talade med, vad som sades, signatur.</li>
          <li>Ingen utskrivning innan mottagande enhet har bekräftat att den fått informationen.</li>
          <li>Allt registreras i Vårdkedjan när den fungerar igen (efterregistrering).</li>
        </ul>
        <div className="mt-3 flex flex-wrap gap-2">
          <a href="/dokument/reservparm.pdf" className="inline-block rounded border-2 border-warn bg-white px-3 py-1.5 font-semibold text-warn no-underline">
            Reservpärm (PDF, sparad kopia)
          </a>
          <button type="button" onClick={retry} className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
            Försök igen
          </button>
        </div>
      </div>
      <h2 className="mb-1 text-xl font-semibold">Kontaktlista driftstörning</h2>
      {stored === undefined ? (
        <p role="status">Läser den sparade kontaktlistan …</p>
      ) : stored === null ? (
        <p data-testid="offline-no-list">
          Den här webbläsaren har ingen sparad kontaktlista. Använd den utskrivna listan i reservpärmen. Listan sparas automatiskt nästa gång du är inloggad.
        </p>
      ) : (
        <>
          <p className="mb-4 text-muted" data-testid="offline-list-meta">
            {stored.list.regionName} · version {stored.list.version}
            {stored.list.validFrom ? ` · gäller från ${formatDateTime(stored.list.validFrom)}` : ""} · senast hämtad {formatDateTime(stored.fetchedAt)}
          </p>
          <ContactListTables entries={stored.list.entries} headingLevel={3} />
        </>
      )}
    </PlainPage>
  );
}
