"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { HomeCareStart } from "@vardkedjan/domain/case/home-care";
import { STAGE_LABELS } from "@vardkedjan/domain/case/labels";
import { useTRPC } from "../trpc/react";
import { callError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { formatDate, formatDateTime } from "../kit/format";
import { RegisterUncheckedBadge } from "../case/register-flag";
import { InboxPage } from "./inbox-page";

const INTRO: Record<HomeCareStart, string> = {
  hemtjanst:
    "Patienter som kommer hem och som din hemtjänstgrupp är part för, med datum så att du kan planera personal. Meddelanden till gruppen finns längst ner.",
  hemsjukvard: "Patienter som kommer hem och som hemsjukvården är part för, med era uppdrag och meddelanden till er.",
};

/**
 * The start page of hemtjänst and hemsjukvård: who is coming home and when (soonest first, new
 * ones marked), the unit's assignments, and the messages waiting for it. Hemtjänst sees no
 * assignment content (its tasks are in the kommun's decision, which it does not read here).
 */
export function HomeCareStartPage({ kind, contextLabel }: { kind: HomeCareStart; contextLabel: string }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.inbox.homeCare.queryOptions());
  const cases = overview.data ?? [];
  return (
    <div>
      <h1 className="text-2xl font-semibold" id="start-rubrik" tabIndex={-1}>
        {kind === "hemtjanst" ? "Hemtjänstens hemgångar" : "Hemsjukvårdens hemgångar"}
      </h1>
      <p className="text-muted">{contextLabel}</p>
      <p className="mb-4">{INTRO[kind]}</p>
      <section aria-labelledby="hemgangar-rubrik" className="mb-6">
        <h2 id="hemgangar-rubrik" className="mb-2 text-xl font-semibold">
          Nya och kommande hemgångar
        </h2>
        {overview.error ? <ErrorNotice error={callError(overview.error)} where="page" /> : null}
        {overview.isLoading ? <p role="status">Hämtar …</p> : null}
        {!overview.isLoading && cases.length === 0 ? <p>Din enhet är inte part i något pågående ärende.</p> : null}
        <ul className="grid gap-3" data-testid="home-comings">
          {cases.map((c) => (
            <li key={c.caseId} className="rounded border border-line bg-white p-3">
              <p>
                <Link href={`/arenden/${c.caseId}`} className="font-semibold text-brand-700 underline">
                  {c.patient.name}
                </Link>
                <RegisterUncheckedBadge unchecked={c.patient.registerUnchecked} />
                {c.isNew ? <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">Ny</span> : null}
              </p>
              <p className="text-sm text-muted">
                {c.patient.identifier} · {c.reference} · {STAGE_LABELS[c.stage]} · {c.unitName}
              </p>
              <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">{c.dischargedAt ? "Kom hem" : c.plannedDischargeAt ? "Kommer hem" : "Beräknad hemgång"}</dt>
                <dd>
                  {c.dischargedAt
                    ? formatDateTime(c.dischargedAt)
                    : c.plannedDischargeAt
                      ? formatDateTime(c.plannedDischargeAt)
                      : c.homeComing
                        ? formatDate(c.homeComing)
                        : "Inte angiven"}
                </dd>
                <dt className="font-medium">Med i ärendet sedan</dt>
                <dd>{formatDateTime(c.broughtInAt)}</dd>
                {c.unacknowledged > 0 ? (
                  <>
                    <dt className="font-medium">Att kvittera</dt>
                    <dd>{c.unacknowledged === 1 ? "1 meddelande" : `${c.unacknowledged} meddelanden`}</dd>
                  </>
                ) : null}
              </dl>
              {kind === "hemsjukvard" ? (
                c.assignments.length > 0 ? (
                  <div className="mt-2">
                    <h3 className="font-medium">Uppdrag till hemsjukvården</h3>
                    <ul className="list-disc pl-5 text-sm">
                      {c.assignments.map((a) => (
                        <li key={a.messageId}>
                          {a.tasks}
                          {a.from ? ` (från ${formatDate(a.from)})` : ""}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p className="mt-2 text-sm">Inget uppdrag hemsjukvård ännu.</p>
                )
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <InboxPage title="Meddelanden till din enhet" compact />
    </div>
  );
}
