"use client";
import { useEffect, useId, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { PHONE_STEP_LABELS, PHONE_DIRECTION_LABELS, type PhoneStep } from "@vardkedjan/domain/outage/types";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError, type CallError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { formatDateTime } from "../kit/format";
import { useOutageMode } from "./outage-mode";
import { PhoneLink } from "./contact-list-view";
import type { CaseGuidance } from "./labels";
import { HeaderRow } from "../kit/header-row";

const stepLabel = (s: string) => PHONE_STEP_LABELS[s as PhoneStep] ?? s;
const OPEN_STYLE: Record<string, string> = { open: "text-ok", closed: "text-danger", unknown: "text-muted" };
const DOC_LINK = "inline-block rounded border border-brand-600 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 no-underline hover:bg-brand-50";

function WhomToCall({ guidance }: { guidance: CaseGuidance }) {
  return (
    <section aria-labelledby="vem-ringa-rubrik" className="mb-4">
      <h3 id="vem-ringa-rubrik" className="mb-2 text-lg font-semibold">
        Vem ska jag ringa?
      </h3>
      {guidance.steps.length === 0 ? (
        <p className="text-muted">Inget moment i ärendet väntar på ett samtal från din enhet just nu.</p>
      ) : (
        <ol className="grid gap-3" data-testid="call-guidance">
          {guidance.steps.map((s) => (
            <li key={s.step} className={`rounded border p-3 ${s.overdue ? "border-danger" : "border-line"}`}>
              <h4 className="font-semibold">{s.label}</h4>
              {s.dueAt ? (
                <p className={`text-sm ${s.overdue ? "font-medium text-danger" : "text-muted"}`}>
                  {s.overdue ? "Försenat, skulle ha gjorts senast " : "Senast "}
                  <time dateTime={new Date(s.dueAt).toISOString()}>{formatDateTime(s.dueAt)}</time>
                </p>
              ) : null}
              {s.targets.length === 0 ? (
                <p className="mt-1 text-sm text-muted">Ingen part att ringa för det här momentet.</p>
              ) : (
                <ul className="mt-2 grid gap-2">
                  {s.targets.map((t) => (
                    <li key={t.unitId} className="rounded bg-brand-50 p-2">
                      <p className="font-medium">
                        Ring {t.label}
                        {t.reached === true ? (
                          <span className="ml-2 text-sm font-normal text-ok">✓ Samtal loggat</span>
                        ) : t.reached === false ? (
                          <span className="ml-2 text-sm font-normal text-muted">Inget samtal loggat ännu</span>
                        ) : null}
                      </p>
                      {t.contacts.length === 0 ? (
                        <p className="text-sm text-muted">Inga nummer i kontaktlistan. Ring växeln eller se den utskrivna listan.</p>
                      ) : (
                        <ul className="text-sm">
                          {t.contacts.map((c, i) => (
                            <li key={`${c.entry.function}-${i}`} className="flex flex-wrap gap-x-3">
                              <span>{c.entry.function}:</span>
                              {c.entry.phones.map((p) => (
                                <PhoneLink key={p} phone={p} />
                              ))}
                              <span className="text-muted">{c.entry.openingHours ?? "öppettid ej angiven"}</span>
                              <span className={`font-medium ${OPEN_STYLE[c.status] ?? ""}`}>{c.statusLabel}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-2 font-medium">Vad ska sägas</p>
              <ul className="list-disc pl-6 text-sm">
                {s.say.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {s.routineNotes.length ? (
                <div className="mt-2 text-sm">
                  <p className="font-medium">Enligt rutinen</p>
                  <ul className="list-disc pl-6">
                    {s.routineNotes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {s.logSteps.length ? <p className="mt-2 text-sm text-muted">Logga samtalet med momenten: {s.logSteps.map(stepLabel).join(", ")}.</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type ChecklistEntry = CaseGuidance["checklist"][number];

/** The DOM id of a manual point's checkbox ("manuell:kuvert" → "…-manuell-kuvert"). */
const pointId = (baseId: string, key: string) => `${baseId}-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** Who ticked (or unticked) a manual point and when: what the next shift needs to see. */
function tickText(tick: NonNullable<ChecklistEntry["tick"]>): string {
  const who = tick.unitName ? `${tick.byName}, ${tick.unitName}` : tick.byName;
  return `${tick.done ? "Bockad av" : "Avbockad av"} ${who}, ${formatDateTime(tick.at)}`;
}

/** A point of the routine that no data shows done: a checkbox the user ticks, stored for the case. */
function ManualPoint({
  item,
  id,
  saving,
  busy,
  onToggle,
}: {
  item: ChecklistEntry;
  id: string;
  saving: { done: boolean } | null;
  busy: boolean;
  onToggle: (done: boolean) => void;
}) {
  const descId = `${id}-vem`;
  return (
    <li className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-1 h-4 w-4"
        // While saving, the box shows what was clicked; then what the server stored.
        checked={saving ? saving.done : item.checked}
        disabled={busy}
        aria-describedby={item.tick || saving ? descId : undefined}
        onChange={(e) => onToggle(e.currentTarget.checked)}
        data-testid={`checklist-${item.key}`}
      />
      <span>
        <label htmlFor={id}>{item.text}</label>
        {item.tick || saving ? (
          <span id={descId} className="block text-sm text-muted">
            {saving ? "Sparar …" : tickText(item.tick!)}
          </span>
        ) : null}
      </span>
    </li>
  );
}

function Checklist({ caseId, guidance }: { caseId: string; guidance: CaseGuidance }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const baseId = useId();
  const [failure, setFailure] = useState<CallError | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The point last changed: focus returns to its checkbox after saving (a disabled control loses focus).
  const [lastKey, setLastKey] = useState<string | null>(null);
  const tick = useMutation(
    trpc.outage.tickChecklist.mutationOptions({
      onMutate: () => {
        setFailure(null);
        setAnnouncement("");
      },
      onSuccess: async (_r, vars) => {
        await queryClient.invalidateQueries(trpc.outage.callGuidance.queryFilter({ caseId }));
        const text = guidance.checklist.find((c) => c.key === vars.key)?.text ?? "Punkten";
        setAnnouncement(`${vars.done ? "Bockad" : "Avbockad"}: ${text}`);
      },
      onError: (e) => setFailure(callError(e)),
    }),
  );
  useEffect(() => {
    if (tick.isPending || !lastKey) return;
    const el = document.getElementById(pointId(baseId, lastKey));
    if (el && (document.activeElement === null || document.activeElement === document.body)) el.focus();
  }, [tick.isPending, lastKey, baseId]);
  if (guidance.checklist.length === 0) return null;
  const saving = tick.isPending ? tick.variables : undefined;
  return (
    <section aria-labelledby="checklista-rubrik" className="mb-4">
      <h3 id="checklista-rubrik" className="mb-2 text-lg font-semibold">
        Checklista enligt rutinen
      </h3>
      <ul className="grid gap-1" data-testid="outage-checklist">
        {guidance.checklist.map((c) =>
          c.manual ? (
            <ManualPoint
              key={c.key}
              item={c}
              id={pointId(baseId, c.key)}
              saving={saving?.key === c.key ? { done: saving.done } : null}
              busy={tick.isPending}
              onToggle={(done) => {
                if (tick.isPending) return;
                setLastKey(c.key);
                tick.mutate({ caseId, key: c.key, done });
              }}
            />
          ) : (
            <li key={c.key} className={`flex gap-2 ${c.overdue ? "text-danger" : ""}`}>
              <span aria-hidden="true" className={c.checked ? "text-ok" : ""}>
                {c.checked ? "☑" : "☐"}
              </span>
              <span>
                <span className="sr-only">{c.checked ? "Klart: " : "Inte klart: "}</span>
                {c.text}
                {c.blocking && !c.checked ? <span className="ml-1 font-semibold"> (spärrar utskrivningen)</span> : null}
                {c.overdue ? <span className="ml-1 font-semibold"> Försenad{c.dueAt ? `, senast ${formatDateTime(c.dueAt)}` : ""}.</span> : null}
              </span>
            </li>
          ),
        )}
      </ul>
      <div aria-live="polite" role="status" className="mt-2" data-testid="checklist-status">
        {failure ? (
          <p className="rounded border border-danger bg-danger-bg p-2 text-danger">Kunde inte spara checklistan: {failure.message}</p>
        ) : announcement ? (
          <p className="sr-only">{announcement}</p>
        ) : null}
      </div>
    </section>
  );
}

function PhoneLog({ caseId, parties }: { caseId: string; parties: CaseGuidance["parties"] }) {
  const trpc = useTRPC();
  const unitName = (id: string | null) => (id ? parties.find((p) => p.unitId === id)?.label : undefined);
  const calls = useQuery(trpc.outage.phoneContacts.queryOptions({ caseId }));
  return (
    <section aria-labelledby="samtal-rubrik" className="mb-4">
      <h3 id="samtal-rubrik" className="mb-2 text-lg font-semibold">
        Loggade telefonkontakter
      </h3>
      {calls.error ? <ErrorNotice error={callError(calls.error)} where="page" /> : null}
      {calls.data && calls.data.length === 0 ? <p className="text-muted">Inga samtal loggade i ärendet ännu.</p> : null}
      {calls.data && calls.data.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="case-phone-contacts">
            <thead>
              <HeaderRow
                className="border-b border-line"
                cellClassName="px-2 py-1"
                labels={["Tid", "Moment", "Motpart", "Lämnat/mottaget", "Bekräftat", "Signerat"]}
              />
            </thead>
            <tbody>
              {calls.data.map((c) => (
                <tr key={c.id} className="border-b border-line align-top last:border-b-0">
                  <td className="px-2 py-1 whitespace-nowrap">{formatDateTime(c.occurredAt)}</td>
                  <td className="px-2 py-1">
                    {c.steps.map(stepLabel).join(", ")}
                    {c.comment ? (
                      <span className="block text-muted" data-testid="phone-contact-comment">
                        {c.comment}
                      </span>
                    ) : null}
                    {c.redacted ? (
                      <span className="block text-sm italic text-muted" data-testid="phone-contact-redacted">
                        Samtalets innehåll visas inte för din enhet.
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1">
                    {c.counterpartName}
                    {c.counterpartUnitText || unitName(c.counterpartUnitId) ? (
                      <span className="block text-muted">{c.counterpartUnitText ?? unitName(c.counterpartUnitId)}</span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1">{PHONE_DIRECTION_LABELS[c.direction]}</td>
                  <td className="px-2 py-1">{c.receiverConfirmed ? "Ja" : "Nej"}</td>
                  <td className="px-2 py-1">
                    {c.signedBy}, {c.unitName}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The case view's outage panel: only in outage mode. Whom to call for each step now due (numbers,
 * hours, open now?) and what to say, the routine's checklist (a discharge waits for the receiving
 * units' confirmation), the case's logged calls, and the forms to print.
 */
export function CaseOutagePanel({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const { active } = useOutageMode();
  const guidance = useQuery({ ...trpc.outage.callGuidance.queryOptions({ caseId }), enabled: active });
  if (!active) return null;
  const g = guidance.data;

  return (
    <section aria-labelledby="driftpanel-rubrik" className="mb-6 rounded border-2 border-warn bg-white p-4" data-testid="case-outage-panel">
      <h2 id="driftpanel-rubrik" className="mb-1 text-xl font-semibold text-warn">
        <span aria-hidden="true">⚠ </span>Driftstörning: ärendet sköts per telefon
      </h2>
      {g?.routine ? (
        <div className="mb-3">
          <p>{g.routine.text}</p>
          {g.routine.instructions.length ? (
            <details className="mt-1">
              <summary className="cursor-pointer font-medium text-brand-700">{g.routine.variantName ?? "Så gör du i den här typen av driftstörning"}</summary>
              <ul className="mt-1 list-disc pl-6 text-sm">
                {g.routine.instructions.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      {g && g.dischargeBlockers > 0 ? (
        <p className="mb-3 rounded border border-danger bg-danger-bg p-2 font-semibold text-danger" data-testid="discharge-blocked">
          <span aria-hidden="true">⛔ </span>
          Utskrivning väntar: {g.dischargeBlockers} {g.dischargeBlockers === 1 ? "mottagande enhet har" : "mottagande enheter har"} inte bekräftat att
          informationen tagits emot.
        </p>
      ) : null}
      <ul className="mb-4 flex flex-wrap gap-2" aria-label="Under driftstörningen">
        <li>
          <a
            href={`/telefonkontakt?arende=${caseId}`}
            className="inline-block rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white no-underline hover:bg-brand-800"
          >
            Logga telefonkontakt för ärendet
          </a>
        </li>
        <li>
          <a href={`/arenden/${caseId}/dokument/blankett-driftstorning.pdf`} className={DOC_LINK}>
            Blankett driftstörning, ifylld (PDF)
          </a>
        </li>
        <li>
          <a href="/dokument/medfoljande-blankett.pdf" className={DOC_LINK}>
            Medföljande blankett (PDF)
          </a>
        </li>
        <li>
          <a href="/kontaktlista" className={DOC_LINK}>
            Kontaktlista
          </a>
        </li>
      </ul>
      {guidance.error ? <ErrorNotice error={callError(guidance.error)} where="page" /> : null}
      {!g && !guidance.error ? <p role="status">Hämtar vem du ska ringa …</p> : null}
      {g ? (
        <>
          <WhomToCall guidance={g} />
          <Checklist caseId={caseId} guidance={g} />
        </>
      ) : null}
      <PhoneLog caseId={caseId} parties={g?.parties ?? []} />
    </section>
  );
}
