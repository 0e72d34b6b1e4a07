"use client";
import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/react";
import { callError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { formatDateTime } from "../kit/format";
import { ContactListTables, contactMatches } from "./contact-list-view";

export const DOC_LINK = "inline-block rounded border border-brand-600 bg-white px-3 py-1.5 font-medium text-brand-700 no-underline hover:bg-brand-50";

/** The links to the printable documents without patient data. */
export function PrintLinks({ listPdf = true }: { listPdf?: boolean }) {
  return (
    <ul className="mb-4 flex flex-wrap gap-2" aria-label="Utskrifter">
      {listPdf ? (
        <li>
          <a href="/dokument/kontaktlista.pdf" className={DOC_LINK}>
            Skriv ut (PDF)
          </a>
        </li>
      ) : null}
      <li>
        <a href="/dokument/reservparm.pdf" className={DOC_LINK}>
          Reservpärm (PDF)
        </a>
      </li>
      <li>
        <a href="/dokument/blankett-driftstorning.pdf" className={DOC_LINK}>
          Blankett för telefonkontakter (PDF)
        </a>
      </li>
      <li>
        <a href="/dokument/medfoljande-blankett.pdf" className={DOC_LINK}>
          Medföljande blankett (PDF)
        </a>
      </li>
    </ul>
  );
}

/** "Kontaktlista driftstörning" as published in every care portal, with print links and a filter. */
export function ContactListPage() {
  const trpc = useTRPC();
  const id = useId();
  const [q, setQ] = useState("");
  const list = useQuery(trpc.contacts.list.queryOptions());
  const data = list.data;
  const entries = data ? data.entries.filter((e) => contactMatches(e, q.trim())) : [];

  return (
    <section aria-labelledby="kontaktlista-rubrik">
      <h1 id="kontaktlista-rubrik" className="text-2xl font-semibold">
        Kontaktlista driftstörning
      </h1>
      {data ? (
        <p className="mb-4 text-muted">
          {data.regionName} · version {data.version}
          {data.validFrom ? ` · senast ändrad ${formatDateTime(data.validFrom)}` : ""}
        </p>
      ) : null}
      <p className="mb-3">Ring de här numren när Vårdkedjan eller journalsystemet inte fungerar. Skriv ut listan och förvara den med reservpärmen.</p>
      <PrintLinks />
      {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}
      {!data && !list.error ? <p role="status">Hämtar kontaktlistan …</p> : null}
      {data ? (
        <>
          <div className="mb-4 max-w-md">
            <label htmlFor={`${id}-sok`} className="block font-medium">
              Filtrera listan
            </label>
            <p id={`${id}-sok-hint`} className="text-sm text-muted">
              Organisation, enhet, funktion eller nummer.
            </p>
            <input
              id={`${id}-sok`}
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              aria-describedby={`${id}-sok-hint ${id}-antal`}
              className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2"
              autoComplete="off"
            />
            <p id={`${id}-antal`} className="mt-1 text-sm text-muted" aria-live="polite">
              {q.trim() ? `${entries.length} av ${data.entries.length} poster visas.` : `${data.entries.length} poster.`}
            </p>
          </div>
          <ContactListTables entries={entries} emptyText={q.trim() ? "Inga poster matchar filtret." : "Kontaktlistan är tom."} />
        </>
      ) : null}
    </section>
  );
}
