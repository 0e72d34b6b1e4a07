"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { isUuid } from "@vardkedjan/domain/ids";
import { MESSAGE_KIND_LABELS, STAGE_LABELS } from "@vardkedjan/domain/case/labels";
import { MESSAGE_KINDS, type MessageKind } from "@vardkedjan/domain/case/types";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { useHydrated } from "../../kit/hydrated";
import { loadOpenForm, saveOpenForm, type OpenForm } from "../forms/draft";
import type { SentInfo } from "../forms/message-form";
import { kindInSentence, mayCorrect } from "../forms/spec";
import type { CaseView } from "../types";
import { CaseHeader } from "./case-header";
import { Acknowledgements } from "./acknowledgements";
import { DueList } from "./due-list";
import { CaseActions } from "./actions";
import { PartiesList } from "./parties";
import { CaseOutagePanel } from "../../outage/case-outage-panel";
import { Timeline } from "./messages";
import { CaseDeviations } from "../../deviation/case-deviations";
import { SectionNav } from "./section-nav";
import { CaseDocuments } from "./documents";
import { sentText } from "./sent-text";

/** Which section of the page a message belongs to: planning and SIP have their own; the rest are the messages. */
const PLANNING_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(["planeringsunderlag", "meddela_beslut", "egenvardsbedomning", "uppdrag_hemsjukvard"]);
const SIP_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(["kallelse_sip", "sip_plan"]);
const MESSAGE_SECTION_KINDS: ReadonlySet<MessageKind> = new Set(MESSAGE_KINDS.filter((k) => !PLANNING_KINDS.has(k) && !SIP_KINDS.has(k)));
import { SipAnswers } from "./sip-answers";
import { InternalNotes } from "./internal-notes";
import { PhraseTemplates } from "./phrase-templates";

interface Tracked {
  at: number;
  seen: ReadonlySet<string>;
  stage: CaseView["stage"] | null;
  fresh: ReadonlySet<string>;
}

/** What arrived since the last fetch (from other units), to mark and announce it. */
function track(prev: Tracked | null, view: CaseView, at: number): { next: Tracked; note: string | null } {
  if (!prev)
    return {
      next: {
        at,
        seen: new Set(view.messages.map((m) => m.id)),
        stage: view.stage,
        fresh: new Set(),
      },
      note: null,
    };
  const arrived = view.messages.filter((m) => !prev.seen.has(m.id) && !view.viewer.unitIds.includes(m.senderUnitId));
  const parts = arrived.map((m) =>
    m.correctsMessageId
      ? `Nytt meddelande: Rättelse av ${kindInSentence(m.kind)} från ${m.senderUnitName}.`
      : `Nytt meddelande: ${MESSAGE_KIND_LABELS[m.kind]} från ${m.senderUnitName}.`,
  );
  // A stage change caused by another unit's message; our own sends are announced as "Skickat".
  if (arrived.length > 0 && prev.stage && prev.stage !== view.stage) parts.push(`Ärendets skede är nu ${STAGE_LABELS[view.stage]}.`);
  return {
    next: {
      at,
      seen: new Set(view.messages.map((m) => m.id)),
      stage: view.stage,
      fresh: new Set([...prev.fresh, ...arrived.map((m) => m.id)]),
    },
    note: parts.length > 0 ? parts.join(" ") : null,
  };
}

/** The form this tab had open on the case (a reload opens it again), if it may still be sent. */
function restoreOpenForm(view: CaseView): OpenForm | null {
  const f = loadOpenForm(view.id);
  if (!f) return null;
  if (!f.corrects) return view.viewer.canSend.includes(f.kind) ? f : null;
  const m = view.messages.find((x) => x.id === f.corrects);
  return m && m.kind === f.kind && mayCorrect(view, m) ? f : null;
}

function Loaded({ view, portal, at }: { view: CaseView; portal: Portal; at: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<{ text: string; warnings: string[] }>({
    text: "",
    warnings: [],
  });
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const [open, setOpenState] = useState<OpenForm | null>(null);
  // The case arrives with the server's HTML, which cannot know the form this tab had open: it is
  // restored once hydrated.
  const hydrated = useHydrated();
  const [restored, setRestored] = useState(false);
  if (hydrated && !restored) {
    setRestored(true);
    setOpenState(restoreOpenForm(view));
  }
  const statusRef = useRef<HTMLDivElement>(null);
  const [formSlot, setFormSlot] = useState<HTMLDivElement | null>(null);

  // Adjusting state to new data while rendering (not in an effect), as React recommends.
  if (!tracked || tracked.at !== at) {
    const { next, note } = track(tracked, view, at);
    setTracked(next);
    if (note) setStatus({ text: note, warnings: [] });
  }

  // One form at a time: a new message (Åtgärder) or the correction of one message (the timeline).
  const setOpen = (form: OpenForm | null) => {
    saveOpenForm(view.id, form);
    setOpenState(form);
    // An old "Skickat" would read as if it were about the form now opened.
    if (form) setStatus({ text: "", warnings: [] });
  };
  const announce = (text: string, warnings: string[] = []) => {
    setStatus({ text, warnings });
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const onSent = (info: SentInfo) => {
    setOpen(null);
    announce(sentText(info), info.warnings);
    void queryClient.invalidateQueries(trpc.case.pathFilter());
  };
  const now = new Date(at);

  const fresh = tracked?.fresh ?? new Set<string>();
  const timeline = { view, fresh, correcting: open?.corrects ?? null, setOpen, onSent };

  // At a laptop's width the side panel (what to do, what one can send) stays in view beside the
  // page; on a narrow screen it comes right after the header. The open form goes in the main column.
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-x-6">
      <div className="lg:col-start-1 lg:row-start-1">
        <CaseHeader view={view} portal={portal} now={now} />
      </div>
      <section
        aria-label="Att göra och åtgärder"
        className="mb-6 lg:sticky lg:top-2 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-1rem)] lg:self-start lg:overflow-y-auto lg:rounded lg:border lg:border-line lg:bg-brand-50 lg:p-3"
        data-testid="case-side-panel"
      >
        <DueList view={view} now={now} />
        <CaseActions
          view={view}
          open={open && !open.corrects ? open.kind : null}
          setOpen={(kind) => setOpen(kind ? { kind, corrects: null } : null)}
          onSent={onSent}
          formSlot={formSlot}
        />
      </section>
      <div className="min-w-0 lg:col-start-1 lg:row-start-2">
        <div
          ref={statusRef}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          data-testid="case-status"
          className={status.text ? "mb-6 rounded border border-ok bg-ok-bg p-3 text-ok" : "sr-only"}
        >
          {status.text ? <p className="font-semibold">{status.text}</p> : null}
          {status.warnings.length > 0 ? (
            <>
              <p className="mt-1 font-medium text-warn">Observera:</p>
              <ul className="list-disc pl-6 text-warn">
                {status.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div ref={setFormSlot} />
        <SectionNav />
        <section id="oversikt" aria-labelledby="oversikt-rubrik" className="mb-6 scroll-mt-4" tabIndex={-1}>
          <h2 id="oversikt-rubrik" className="sr-only">
            Översikt
          </h2>
          <CaseOutagePanel caseId={view.id} />
          <Acknowledgements view={view} fresh={fresh} onDone={(t) => announce(`${t}.`)} />
          <PartiesList view={view} />
          <InternalNotes caseId={view.id} />
        </section>
        <Timeline {...timeline} kinds={MESSAGE_SECTION_KINDS} />
        <Timeline {...timeline} id="planering" title="Planering" kinds={PLANNING_KINDS} empty="Inget planeringsunderlag eller beslut ännu." />
        <Timeline {...timeline} id="sip" title="SIP" kinds={SIP_KINDS} empty="Ingen kallelse till SIP ännu." />
        <SipAnswers view={view} />
        <CaseDocuments view={view} portal={portal} />
        <PhraseTemplates />
        <CaseDeviations caseId={view.id} />
      </div>
    </div>
  );
}

/** Ett samordningsärende: the header, what to acknowledge and do, the parties, the actions, the messages. */
export function CaseViewPage({ portal, caseId }: { portal: Portal; caseId: string }) {
  const trpc = useTRPC();
  const valid = isUuid(caseId);
  const query = useQuery({
    ...trpc.case.get.queryOptions({ caseId }),
    enabled: valid,
  });

  if (!valid || (query.error && !query.data)) {
    const err = query.error ? callError(query.error) : null;
    const notFound = !valid || err?.appCode === "NOT_FOUND";
    return (
      <section aria-labelledby="arende-rubrik">
        <h1 id="arende-rubrik" className="mb-4 text-2xl font-semibold">
          {notFound ? "Ärendet hittades inte" : "Ärendet kunde inte visas"}
        </h1>
        {err && !notFound ? (
          <ErrorNotice error={err} where="page" />
        ) : (
          <p className="mb-4">{err?.message ?? "Ärendet finns inte, eller så är din enhet inte part i det."}</p>
        )}
        <p className="mt-4">
          <Link href="/">Till Min arbetsyta</Link>
        </p>
      </section>
    );
  }
  if (!query.data) {
    return (
      <section aria-labelledby="arende-rubrik" aria-busy="true">
        <h1 id="arende-rubrik" className="mb-4 text-2xl font-semibold">
          Ärende
        </h1>
        <p role="status">Hämtar ärendet …</p>
      </section>
    );
  }
  return (
    <>
      {query.error ? (
        <div className="mb-4">
          {/* A failed refresh (e.g. an expired session) keeps the case and any open form on screen. */}
          <ErrorNotice error={callError(query.error)} where="form" />
        </div>
      ) : null}
      <Loaded view={query.data} portal={portal} at={query.dataUpdatedAt} />
    </>
  );
}
