"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { isUuid } from "@vardkedjan/domain/ids";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError, type FieldError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { ErrorSummary } from "../../kit/error-summary";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, TextArea } from "../../kit/fields";
import { formatDateTime, fromLocalInput } from "../../kit/format";
import { RestoredDraftNotice } from "../../kit/restored-draft-notice";
import { clearSessionDraft, loadSessionDraft, saveSessionDraft } from "../../kit/session-draft";
import { useOutageMode } from "../outage-mode";
import { DRAFT_KEY, P, freshDraft, isDraft, placeError, toForm, type PhoneDraft, type SectionProps } from "./draft";
import { CallTimeSection } from "./call-time-section";
import { PatientSection } from "./patient-section";
import { CounterpartSection } from "./counterpart-section";
import { StepsSection } from "./steps-section";
import { DirectionSection } from "./direction-section";

// The form's checks (zod and the domain's schema) load once the page is shown, not with it.
const loadChecks = () => import("@vardkedjan/domain/outage/phone-form");

interface Logged {
  at: string;
  counterpart: string;
  caseId: string;
  provisional: boolean;
}

/**
 * The form: checked by the domain's parser before it is sent (the same Swedish errors as the API
 * gives), logged once however often it is sent (the draft's key), and kept as a draft in this tab
 * until it is logged or emptied.
 */
export function PhoneContactForm({ initialCaseId }: { initialCaseId?: string }) {
  const trpc = useTRPC();
  const { active, outages } = useOutageMode();
  const [restored, setRestored] = useState(() => loadSessionDraft(DRAFT_KEY, isDraft) !== null);
  const [draft, setDraftState] = useState<PhoneDraft>(() => loadSessionDraft(DRAFT_KEY, isDraft) ?? freshDraft(initialCaseId));
  const [dirty, setDirty] = useState(restored);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [logged, setLogged] = useState<Logged | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (dirty) saveSessionDraft(DRAFT_KEY, draft);
  }, [draft, dirty]);
  useEffect(() => {
    void loadChecks().catch(() => undefined);
  }, []);

  const set = (patch: Partial<PhoneDraft>) => {
    setDirty(true);
    setDraftState((d) => ({ ...d, ...patch }));
  };

  const me = useQuery(trpc.session.current.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const chosenCase = draft.patientMode === "arende" && isUuid(draft.caseId) ? draft.caseId : null;
  const caseView = useQuery({ ...trpc.case.get.queryOptions({ caseId: chosenCase ?? "" }), enabled: chosenCase !== null });

  const log = useMutation(trpc.outage.logPhoneContact.mutationOptions());

  const partyOptions = (caseView.data?.parties ?? [])
    .filter((p) => !caseView.data?.viewer.unitIds.includes(p.unitId))
    .map((p) => ({ value: p.unitId, label: `${p.unitName} · ${PARTY_ROLE_LABELS[p.role].indefinite}${p.phone ? ` · tfn ${p.phone}` : ""}` }));

  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const id = (f: string) => `${P}-${f}`;
  const section: SectionProps = { draft, set, error, id };
  const outageStart = outages[0]?.startedAt ? new Date(outages[0].startedAt) : undefined;

  const submit = async () => {
    if (log.isPending) return;
    let checks: Awaited<ReturnType<typeof loadChecks>>;
    try {
      checks = await loadChecks();
    } catch (e) {
      setFailure(callError(e));
      requestAnimationFrame(() => failureRef.current?.focus());
      return;
    }
    const form = toForm(draft, outageStart);
    const parsed = checks.parsePhoneContactForm(form, { now: new Date(), outage: outageStart ? { startedAt: outageStart, endedAt: null } : undefined });
    const found = parsed.ok ? [] : parsed.errors.map((e) => placeError(e, draft));
    setFailure(null);
    setErrors(found);
    setLogged(null);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    log.mutate(
      { form, idempotencyKey: draft.key },
      {
        onSuccess: (result) => {
          const unit = partyOptions.find((o) => o.value === draft.unitChoice)?.label.split(" · ")[0] ?? draft.counterpartUnitText.trim();
          const counterpart = draft.counterpartKind === "patient" ? "patienten" : [draft.counterpartName.trim(), unit].filter(Boolean).join(", ");
          const at = "occurredAt" in form ? new Date(form.occurredAt) : fromLocalInput(`${draft.date}T${draft.time}`);
          setLogged({
            at: at ? formatDateTime(at) : `${draft.date} ${draft.time}`,
            counterpart,
            caseId: result.caseId,
            provisional: result.provisionalCaseCreated,
          });
          clearSessionDraft(DRAFT_KEY);
          setDirty(false);
          setRestored(false);
          setDraftState(freshDraft());
          requestAnimationFrame(() => statusRef.current?.focus());
        },
        onError: (e) => {
          const err = callError(e);
          const placed = err.fieldErrors.map((f) => placeError({ ...f, path: f.path.replace(/^form\./, "") }, draft));
          setErrors(placed);
          setFailure(err);
          requestAnimationFrame(() => (placed.length > 0 ? summaryRef.current : failureRef.current)?.focus());
        },
      },
    );
  };

  const reset = () => {
    clearSessionDraft(DRAFT_KEY);
    setDirty(false);
    setRestored(false);
    setDraftState(freshDraft());
    setErrors([]);
    setFailure(null);
  };

  return (
    <>
      {!active ? (
        <p className="mb-4 rounded border border-line bg-white p-3" data-testid="no-outage">
          Ingen pågående driftstörning berör din enhet just nu. Telefonkontakter loggas under en driftstörning; det du skriver sparas som utkast i den här
          fliken.
        </p>
      ) : null}
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        data-testid="phone-status"
        className={logged ? "mb-4 rounded border border-ok bg-ok-bg p-3 text-ok" : "sr-only"}
      >
        {logged ? (
          <>
            <p className="font-semibold">
              Telefonkontakten är loggad: {logged.at} med {logged.counterpart}.
            </p>
            {logged.provisional ? <p>Ett provisoriskt ärende har skapats för patienten, så att ärendet finns när driftstörningen är över.</p> : null}
            <p className="mt-1">
              <Link href={`/arenden/${logged.caseId}`} className="text-ok">
                Öppna ärendet
              </Link>{" "}
              eller logga nästa samtal nedan.
            </p>
          </>
        ) : null}
      </div>
      {restored ? <RestoredDraftNotice onReset={reset} /> : null}
      <form
        noValidate
        aria-labelledby="telefonkontakt-rubrik"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="max-w-3xl"
        data-testid="phone-contact-form"
      >
        {errors.length > 0 ? <ErrorSummary ref={summaryRef} errors={errors} prefix={P} /> : null}
        {failure && errors.length === 0 ? (
          <div className="mb-4">
            <ErrorNotice ref={failureRef} error={failure} where="form" />
          </div>
        ) : null}

        <CallTimeSection {...section} />
        <PatientSection {...section} />
        <CounterpartSection {...section} chosenCase={chosenCase} partyOptions={partyOptions} partiesPending={caseView.isPending} />
        <StepsSection {...section} />
        <DirectionSection {...section} />

        <TextArea id={id("comment")} label="Kommentar" optional value={draft.comment} onChange={(v) => set({ comment: v })} error={error("comment")} />

        <p className="mb-4 text-sm text-muted">
          Signeras av: <span className="font-medium text-ink">{me.data?.name ?? "dig (inloggad)"}</span>, när du loggar samtalet.
        </p>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={BUTTON_PRIMARY} disabled={log.isPending} aria-disabled={log.isPending}>
            {log.isPending ? "Loggar …" : "Logga telefonkontakt"}
          </button>
          <button type="button" className={BUTTON_SECONDARY} onClick={reset} disabled={log.isPending}>
            Töm formuläret
          </button>
        </div>
        {outageStart ? (
          <p className="mt-3 text-sm text-muted">Driftstörningen började {formatDateTime(outageStart)}; samtal före dess kan inte loggas här.</p>
        ) : null}
      </form>
    </>
  );
}
