"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { useTRPC } from "../trpc/react";
import { callError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { BUTTON_SECONDARY } from "../kit/fields";
import { formatDateTime } from "../kit/format";
import { RegisterUncheckedBadge } from "../case/register-flag";

const PAGE_SIZE = 25;

type Cursor = { occurredAt: Date; messageId: string };

/** Where an inbox item opens: the message in its case (no patient data in the URL, only ids). */
export function messageHref(caseId: string, messageId: string): string {
  return `/arenden/${caseId}#m-${messageId}`;
}

/**
 * Inkorg: every message to the unit not yet acknowledged, newest first, a page at a time (the API
 * pages by time and id). What the list shows follows the case view's rules; opening an item goes
 * to the message in its case, where it is acknowledged.
 */
export function InboxPage({ title = "Inkorg", compact = false }: { title?: string; compact?: boolean }) {
  const trpc = useTRPC();
  const [pages, setPages] = useState<(Cursor | null)[]>([null]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const after = pages[pages.length - 1] ?? null;
  const inbox = useQuery(trpc.inbox.list.queryOptions({ after, limit: compact ? 5 : PAGE_SIZE }, { placeholderData: keepPreviousData }));
  const items = inbox.data?.items ?? [];
  const HeadingTag = compact ? "h2" : "h1";
  const move = (next: (Cursor | null)[]) => {
    setPages(next);
    headingRef.current?.focus();
  };

  return (
    <section aria-labelledby="inkorg-rubrik" className={compact ? "mb-6" : undefined}>
      <HeadingTag id="inkorg-rubrik" ref={headingRef} tabIndex={-1} className={compact ? "mb-2 text-xl font-semibold" : "mb-4 text-2xl font-semibold"}>
        {title}
      </HeadingTag>
      {inbox.error ? <ErrorNotice error={callError(inbox.error)} where="page" /> : null}
      {inbox.isLoading ? <p role="status">Hämtar meddelanden …</p> : null}
      {!inbox.isLoading && items.length === 0 && pages.length === 1 ? <p>Inga okvitterade meddelanden till din enhet.</p> : null}
      {items.length > 0 ? (
        <ul className="grid gap-2" data-testid="inbox">
          {items.map((i) => (
            <li key={i.messageId} className="rounded border border-line bg-white p-3">
              <Link href={messageHref(i.caseId, i.messageId)} className="font-semibold text-brand-700 underline">
                {MESSAGE_KIND_LABELS[i.kind]}
                {i.subject ? `: ${i.subject}` : ""} – {i.patient.name}
              </Link>
              <RegisterUncheckedBadge unchecked={i.patient.registerUnchecked} />
              <p className="text-sm text-muted">
                {i.patient.identifier} · {i.caseReference} · från {i.senderUnitName} till {i.recipientUnitName} · {formatDateTime(i.occurredAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {compact ? (
        <p className="mt-2">
          <Link href="/inkorg" className="underline">
            Hela inkorgen
          </Link>
        </p>
      ) : (
        <nav aria-label="Sidor i inkorgen" className="mt-4 flex gap-3">
          {pages.length > 1 ? (
            <button type="button" className={BUTTON_SECONDARY} onClick={() => move(pages.slice(0, -1))}>
              Nyare meddelanden
            </button>
          ) : null}
          {inbox.data?.next ? (
            <button type="button" className={BUTTON_SECONDARY} onClick={() => move([...pages, inbox.data!.next])}>
              Äldre meddelanden
            </button>
          ) : null}
        </nav>
      )}
    </section>
  );
}
