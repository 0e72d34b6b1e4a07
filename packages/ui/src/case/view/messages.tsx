"use client";
import { useRef, type ReactNode } from "react";
import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { BUTTON_SECONDARY } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import type { OpenForm } from "../forms/draft";
import type { SentInfo } from "../forms/message-form";
import { MessageForm } from "../forms/lazy-message-form";
import { kindInSentence, mayCorrect } from "../forms/spec";
import type { CaseMessage, CaseView } from "../types";
import { PayloadView } from "./payload-view";
import { versionGroups } from "./versions";

function Recipients({ message }: { message: CaseMessage }) {
  if (message.recipients.length === 0) return <p className="text-sm text-muted">Registrerat i ärendet utan mottagare.</p>;
  return (
    <div className="mt-2 text-sm">
      <p className="font-medium">Mottagare och kvittens</p>
      <ul className="mt-1 grid gap-0.5">
        {message.recipients.map((r) => (
          <li key={r.unitId}>
            {r.unitName}:{" "}
            {r.acknowledgedAt ? (
              <span className="text-ok">
                <span aria-hidden="true">✓ </span>Kvitterat {r.acknowledgedBy ? `av ${r.acknowledgedBy} ` : ""}
                {formatDateTime(r.acknowledgedAt)}
              </span>
            ) : (
              <span className="font-medium text-warn">
                <span aria-hidden="true">○ </span>Ej kvitterat
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One message: kind, sender, time, the form readably, free text, and who has acknowledged it. */
export function MessageCard({
  message,
  view,
  fresh,
  idPrefix = "m",
  children,
}: {
  message: CaseMessage;
  view: CaseView;
  fresh?: boolean;
  idPrefix?: string;
  children?: ReactNode;
}) {
  const corrected = message.correctsMessageId ? view.messages.find((m) => m.id === message.correctsMessageId) : null;
  const headingId = `${idPrefix}-${message.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className={`rounded border bg-white p-4 ${message.awaitingMyAcknowledgement ? "border-2 border-warn" : "border-line"}`}
      data-testid="message"
    >
      <h3 id={headingId} className="font-semibold">
        {message.title ?? MESSAGE_KIND_LABELS[message.kind]}
        {fresh ? <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">Ny</span> : null}
      </h3>
      <p className="text-sm text-muted">
        Från {message.senderUnitName}
        {message.senderName ? `, ${message.senderName}` : ""} ·{" "}
        <time dateTime={message.occurredAt.toISOString()} data-testid="message-occurred-at">
          {formatDateTime(message.occurredAt)}
        </time>
      </p>
      {message.afterRegistered ? (
        <p className="text-sm text-muted" data-testid="after-registered">
          Efterregistrerad efter driftstörning{" "}
          <time dateTime={message.registeredAt.toISOString()} data-testid="message-registered-at">
            {formatDateTime(message.registeredAt)}
          </time>
          {message.senderName ? ` av ${message.senderName}` : ""}; tiden ovan är när det hände.
        </p>
      ) : null}
      {message.correctsMessageId ? (
        <p className="mt-1 text-sm font-medium">
          Rättelse av {corrected ? `${kindInSentence(corrected.kind)} ${formatDateTime(corrected.occurredAt)}` : "ett tidigare meddelande"}
        </p>
      ) : null}
      <div className="mt-2">
        <PayloadView kind={message.kind} payload={message.payload} view={view} />
      </div>
      {message.freeText ? (
        <div className="mt-2">
          <p className="text-sm font-medium text-muted">Fritext</p>
          <p className="whitespace-pre-wrap">{message.freeText}</p>
        </div>
      ) : null}
      {message.sentDespite ? (
        <div className="mt-2 rounded border border-warn bg-warn-bg p-2 text-sm" data-testid="sent-despite">
          <p className="font-medium">Skickat trots varning:</p>
          <ul className="list-disc pl-6">
            {message.sentDespite.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p className="mt-1">
            <span className="font-medium">Skäl:</span> {message.sentDespite.reason}
          </p>
        </div>
      ) : null}
      {message.redacted ? <p className="mt-2 text-sm italic text-muted">Delar av innehållet visas inte för din enhet.</p> : null}
      <Recipients message={message} />
      {children}
    </article>
  );
}

/**
 * The messages of one part of the case (all kinds, or those given), newest first, one entry per
 * message as it stands now: the versions it replaced (earlier versions of the planning basis, the
 * messages a correction corrects) are collapsed under it. A message the viewer's unit sent can be
 * corrected ("Rätta", see mayCorrect): the correction's form opens below the message, and closing
 * it returns focus to the button.
 */
export function Timeline({
  view,
  fresh,
  correcting,
  setOpen,
  onSent,
  id = "meddelanden",
  title = "Meddelanden",
  kinds,
  empty = "Inga meddelanden ännu.",
}: {
  view: CaseView;
  fresh: ReadonlySet<string>;
  /** The id of the message whose correction form is open. */
  correcting: string | null;
  setOpen: (form: OpenForm | null) => void;
  onSent: (info: SentInfo) => void;
  /** The section's anchor (the section nav jumps here) and heading. */
  id?: string;
  title?: string;
  /** The kinds shown here; all when absent. */
  kinds?: ReadonlySet<CaseMessage["kind"]>;
  empty?: string;
}) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const groups = versionGroups(kinds ? view.messages.filter((m) => kinds.has(m.kind)) : view.messages);
  const close = () => {
    const id = correcting;
    setOpen(null);
    if (id) requestAnimationFrame(() => buttons.current.get(id)?.focus());
  };
  return (
    <section id={id} aria-labelledby={`${id}-rubrik`} className="mb-6 scroll-mt-4" tabIndex={-1}>
      <h2 id={`${id}-rubrik`} className="mb-2 text-xl font-semibold">
        {title} <span className="text-base font-normal text-muted">(nyast först)</span>
      </h2>
      {groups.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ol className="grid gap-3" data-testid={id === "meddelanden" ? "timeline" : `timeline-${id}`}>
          {groups.map(({ current: m, older }) => {
            const isOpen = correcting === m.id && !view.closedAt;
            const formId = `rattelse-${m.id}`;
            return (
              <li key={m.id}>
                <MessageCard message={m} view={view} fresh={fresh.has(m.id)}>
                  {mayCorrect(view, m) ? (
                    <p className="mt-3">
                      <button
                        type="button"
                        ref={(el) => {
                          if (el) buttons.current.set(m.id, el);
                          else buttons.current.delete(m.id);
                        }}
                        className={BUTTON_SECONDARY}
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? formId : undefined}
                        onClick={() => (isOpen ? close() : setOpen({ kind: m.kind, corrects: m.id }))}
                      >
                        Rätta
                        <span className="sr-only">{` ${kindInSentence(m.kind)} ${formatDateTime(m.occurredAt)}`}</span>
                      </button>
                    </p>
                  ) : null}
                </MessageCard>
                {older.length > 0 ? (
                  <details className="mt-1 rounded border border-line bg-white px-3 py-2" data-testid="older-versions">
                    <summary className="cursor-pointer font-medium">
                      Tidigare versioner ({older.length})<span className="sr-only">{` av ${kindInSentence(m.kind)}`}</span>
                    </summary>
                    <ol className="mt-2 grid gap-2">
                      {older.map((o) => (
                        <li key={o.id}>
                          <MessageCard message={o} view={view} fresh={fresh.has(o.id)} idPrefix="v" />
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
                {isOpen ? (
                  <div id={formId} className="mt-3">
                    <MessageForm key={m.id} view={view} kind={m.kind} corrects={m} onClose={close} onSent={onSent} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
