"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { useQueryClient, useTRPC, useTRPCClient } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import type { CaseMessage, CaseView } from "../types";

function AckButton({ view, message, onDone }: { view: CaseView; message: CaseMessage; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<CallError | null>(null);
  const ack = useMutation(
    trpc.case.acknowledge.mutationOptions({
      onSuccess: async () => {
        setFailure(null);
        await queryClient.invalidateQueries(trpc.case.pathFilter());
        onDone(`Kvitterat: ${MESSAGE_KIND_LABELS[message.kind]}`);
      },
      onError: (e) => setFailure(callError(e)),
    }),
  );
  return (
    <div>
      <button
        type="button"
        className={BUTTON_PRIMARY}
        disabled={ack.isPending}
        onClick={() => !ack.isPending && ack.mutate({ caseId: view.id, messageId: message.id })}
      >
        {ack.isPending ? "Kvitterar …" : "Kvittera"}
        <span className="sr-only"> {MESSAGE_KIND_LABELS[message.kind].toLowerCase()}</span>
      </button>
      {failure ? (
        <div className="mt-2">
          <ErrorNotice error={failure} where="form" />
        </div>
      ) : null}
    </div>
  );
}

/** "Kvittera alla": one call per message (each is its own acknowledgement in the audit log). */
function AckAllButton({ view, messages, onDone }: { view: CaseView; messages: CaseMessage[]; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<CallError | null>(null);
  const ackAll = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const messageId of ids) await client.case.acknowledge.mutate({ caseId: view.id, messageId });
    },
    onSuccess: async (_data, ids) => {
      setFailure(null);
      await queryClient.invalidateQueries(trpc.case.pathFilter());
      onDone(`Kvitterat: ${ids.length} meddelanden`);
    },
    onError: async (e) => {
      setFailure(callError(e));
      await queryClient.invalidateQueries(trpc.case.pathFilter());
    },
  });
  return (
    <div className="mb-3">
      <button
        type="button"
        className={BUTTON_SECONDARY}
        disabled={ackAll.isPending}
        onClick={() => !ackAll.isPending && ackAll.mutate(messages.map((m) => m.id))}
      >
        {ackAll.isPending ? "Kvitterar …" : `Kvittera alla (${messages.length})`}
      </button>
      {failure ? (
        <div className="mt-2">
          <ErrorNotice error={failure} where="form" />
        </div>
      ) : null}
    </div>
  );
}

/**
 * Messages awaiting this unit's acknowledgement, on top: one line each (what, from whom, when), a
 * link to the message in its section, and "Kvittera". The message itself is shown once, where it
 * belongs in the case.
 */
export function Acknowledgements({ view, fresh, onDone }: { view: CaseView; fresh: ReadonlySet<string>; onDone: (text: string) => void }) {
  const waiting = view.messages.filter((m) => m.awaitingMyAcknowledgement).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="kvittera-rubrik" className="mb-6 rounded border-2 border-warn bg-warn-bg p-4" data-testid="awaiting-ack">
      <h2 id="kvittera-rubrik" className="mb-2 text-xl font-semibold text-warn">
        Att kvittera ({waiting.length})
      </h2>
      {waiting.length > 1 ? <AckAllButton view={view} messages={waiting} onDone={onDone} /> : null}
      <ul className="grid gap-2">
        {waiting.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-line bg-white p-2" data-testid="ack-row">
            <p>
              <span className="font-semibold">{m.title ?? MESSAGE_KIND_LABELS[m.kind]}</span>
              {fresh.has(m.id) ? <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">Ny</span> : null}
              <span className="block text-sm text-muted">
                Från {m.senderUnitName} · <time dateTime={m.occurredAt.toISOString()}>{formatDateTime(m.occurredAt)}</time> ·{" "}
                <a href={`#m-${m.id}`}>
                  Visa meddelandet<span className="sr-only"> {MESSAGE_KIND_LABELS[m.kind].toLowerCase()}</span>
                </a>
              </span>
            </p>
            <AckButton view={view} message={m} onDone={onDone} />
          </li>
        ))}
      </ul>
    </section>
  );
}
