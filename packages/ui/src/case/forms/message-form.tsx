"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { parseMessagePayload } from "@vardkedjan/domain/case/payloads";
import { confirmationRefusal } from "@vardkedjan/domain/case/send-warnings";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError, type FieldError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, TextArea } from "../../kit/fields";
import { formatDateTime, newIdempotencyKey } from "../../kit/format";
import type { CaseMessage, CaseView } from "../types";
import { PayloadView } from "../view/payload-view";
import { clearDraft, loadDraft, saveDraft, type Draft } from "./draft";
import { ErrorSummary } from "../../kit/error-summary";
import { RestoredDraftNotice } from "../../kit/restored-draft-notice";
import { RecipientsField, recipientOptions } from "./form-parts";
import { actionLabel } from "./labels";
import { KIND_FORMS } from "./registry";
import { kindInSentence, latestPayload } from "./spec";
import { ConfirmDespite, PreflightWarnings, type Confirmation } from "./send-preflight";

/** Kinds that may be recorded in the case without recipients. */
const RECIPIENTS_OPTIONAL: readonly MessageKind[] = ["samtycke", "avslut"];

export interface SentInfo {
  kind: MessageKind;
  warnings: string[];
  /** The message sent was a correction of an earlier one. */
  correction: boolean;
  /** How many units it went to (none: recorded in the case only). */
  recipients: number;
}

/**
 * A new form: a new message starts from the kind's initial values and default recipients; a
 * correction from what the corrected message said, to the same recipients (those still parties
 * of the case that the kind may be sent to).
 */
export function freshDraft(view: CaseView, kind: MessageKind, corrects: CaseMessage | null = null): Draft {
  const spec = KIND_FORMS[kind];
  if (corrects) {
    const allowed = new Set(recipientOptions(view, kind).map((p) => p.unitId));
    return {
      values: spec.fromPayload(corrects.payload),
      recipients: corrects.recipients.map((r) => r.unitId).filter((id) => allowed.has(id)),
      freeText: spec.freeText === false ? "" : (corrects.freeText ?? ""),
      baseVersion: view.planningVersion,
      key: newIdempotencyKey(),
    };
  }
  return {
    values: spec.initial(view),
    recipients: view.viewer.defaultRecipients[kind] ?? [],
    freeText: "",
    baseVersion: view.planningVersion,
    key: newIdempotencyKey(),
  };
}

/**
 * One message kind's form, as a panel: focus moves to its heading, Escape closes it, every change
 * is kept as a draft in this tab, and the send carries the key made when the form opened (a
 * double click sends once). A failed send keeps everything typed.
 *
 * With `corrects`, the form corrects that sent message: it starts from the message's values,
 * free text and recipients, keeps a draft of its own, and the send names the message corrected.
 */
export function MessageForm({
  view,
  kind,
  corrects = null,
  onClose,
  onSent,
}: {
  view: CaseView;
  kind: MessageKind;
  corrects?: CaseMessage | null;
  onClose: () => void;
  onSent: (info: SentInfo) => void;
}) {
  const trpc = useTRPC();
  const spec = KIND_FORMS[kind];
  const correctsId = corrects?.id ?? null;
  const prefix = correctsId ? `r-${kind}` : `f-${kind}`;
  const [restored, setRestored] = useState(() => loadDraft(view.id, kind, correctsId));
  const [draft, setDraftState] = useState<Draft>(() => restored ?? freshDraft(view, kind, corrects));
  // Only what the person has touched is kept as a draft.
  const [dirty, setDirty] = useState(restored !== null);
  const setDraft = (update: (d: Draft) => Draft) => {
    setDirty(true);
    setDraftState(update);
  };
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<CallError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const title = corrects ? `Rätta ${kindInSentence(kind)}` : actionLabel(kind, view.viewer.role);
  // The step's warnings before the send; a correction restates what was sent and confirms nothing.
  const preflight = { warnings: corrects ? [] : (view.viewer.preflight[kind] ?? []) };
  const [confirmation, setConfirmation] = useState<Confirmation>({ confirmed: false, reason: "" });
  const toConfirm = preflight.warnings.filter((w) => w.confirm).map((w) => w.text);
  // The server may find more to confirm once the form is filled in: it answers with these fields.
  const askConfirmation = toConfirm.length > 0 || errors.some((e) => e.path.startsWith("confirmation."));

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (dirty) saveDraft(view.id, kind, draft, correctsId);
  }, [view.id, kind, draft, dirty, correctsId]);

  const send = useMutation(trpc.case.sendMessage.mutationOptions());

  const setValues = (patch: Record<string, unknown>) => setDraft((d) => ({ ...d, values: { ...d.values, ...patch } }));
  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const errorsUnder = (p: string) => errors.filter((e) => e.path === p || e.path.startsWith(`${p}.`));
  const id = (field: string) => `${prefix}-${field}`;
  const meta = useMemo(() => ({ baseVersion: draft.baseVersion }), [draft.baseVersion]);
  const recipientsOptional = RECIPIENTS_OPTIONAL.includes(kind);

  const submit = () => {
    if (send.isPending) return;
    const payload = spec.toPayload(draft.values, meta);
    const parsed = parseMessagePayload(kind, payload, {
      senderRole: view.viewer.role,
      admittedAt: view.admittedAt,
      now: new Date(),
    });
    const found: FieldError[] = parsed.ok ? [] : parsed.errors;
    if (!recipientsOptional && draft.recipients.length === 0) found.push({ path: "recipients", message: "Välj minst en mottagare" });
    if (askConfirmation) found.push(...(confirmationRefusal(kind, toConfirm.length > 0 ? toConfirm : [""], confirmation)?.errors ?? []));
    setFailure(null);
    setErrors(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    send.mutate(
      {
        caseId: view.id,
        kind,
        payload,
        freeText: spec.freeText === false ? null : draft.freeText.trim() || null,
        recipientUnitIds: draft.recipients,
        idempotencyKey: draft.key,
        baseVersion: kind === "planeringsunderlag" ? draft.baseVersion : null,
        correctsMessageId: correctsId,
        confirmation: askConfirmation ? confirmation : null,
      },
      {
        onSuccess: (result) => {
          setDirty(false);
          clearDraft(view.id, kind, correctsId);
          onSent({
            kind,
            warnings: result.warnings,
            correction: correctsId !== null,
            recipients: draft.recipients.length,
          });
        },
        onError: (e) => {
          const err = callError(e);
          setErrors(err.fieldErrors);
          setFailure(err);
          requestAnimationFrame(() => (err.fieldErrors.length > 0 ? summaryRef.current : failureRef.current)?.focus());
        },
      },
    );
  };

  const reset = () => {
    clearDraft(view.id, kind, correctsId);
    setDirty(false);
    setRestored(null);
    setDraftState(freshDraft(view, kind, corrects));
    setErrors([]);
    setFailure(null);
  };

  const planningConflict = kind === "planeringsunderlag" && failure?.appCode === "CONFLICT";
  const Fields = spec.Fields;

  return (
    <section
      className="mb-6 rounded border-2 border-brand-600 bg-white p-4"
      data-testid={correctsId ? `form-rattelse-${kind}` : `form-${kind}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !send.isPending) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id={`${prefix}-rubrik`} ref={headingRef} tabIndex={-1} className="mb-3 text-lg font-semibold">
        {title}
      </h3>
      {corrects ? (
        <p className="mb-3 rounded border border-line bg-brand-50 p-2 text-sm" data-testid="correction-note">
          Rättelsen ersätter uppgifterna i {kindInSentence(kind)} från {formatDateTime(corrects.occurredAt)}; meddelandets tid ändras inte. Mottagarna får
          rättelsen som ett nytt meddelande att kvittera.
        </p>
      ) : null}
      {restored ? <RestoredDraftNotice onReset={reset} /> : null}
      <PreflightWarnings id={`${prefix}-varningar`} preflight={preflight} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {errors.length > 0 ? <ErrorSummary ref={summaryRef} errors={errors} prefix={prefix} /> : null}
        <Fields values={draft.values} set={setValues} error={error} errorsUnder={errorsUnder} id={id} view={view} meta={meta} />
        {spec.freeText === false ? null : (
          <TextArea id={id("freeText")} label="Fritext" optional value={draft.freeText} onChange={(v) => setDraft((d) => ({ ...d, freeText: v }))} rows={3} />
        )}
        <RecipientsField
          id={id("recipients")}
          view={view}
          kind={kind}
          value={draft.recipients}
          onChange={(recipients) => setDraft((d) => ({ ...d, recipients }))}
          error={error("recipients")}
          optional={recipientsOptional}
        />
        {askConfirmation && toConfirm.length === 0 && failure ? <p className="mb-2 rounded border border-warn bg-warn-bg p-2">{failure.message}</p> : null}
        {askConfirmation ? <ConfirmDespite prefix={prefix} value={confirmation} onChange={setConfirmation} error={error} /> : null}
        {failure && failure.fieldErrors.length === 0 ? (
          <div className="mb-4">
            <ErrorNotice ref={failureRef} error={failure} where="form" />
          </div>
        ) : null}
        {planningConflict ? (
          <div className="mb-4 rounded border border-warn bg-warn-bg p-3">
            <h4 className="font-semibold">Senaste versionen ({view.planningVersion})</h4>
            <PayloadView kind="planeringsunderlag" payload={latestPayload(view, "planeringsunderlag") ?? {}} view={view} />
            <button
              type="button"
              className={`${BUTTON_SECONDARY} mt-2`}
              onClick={() => {
                setDraft((d) => ({ ...d, baseVersion: view.planningVersion }));
                setFailure(null);
                headingRef.current?.focus();
              }}
            >
              Jag har läst version {view.planningVersion} – utgå från den med min text
            </button>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={BUTTON_PRIMARY} disabled={send.isPending}>
            {send.isPending ? "Skickar …" : correctsId ? "Skicka rättelse" : (spec.submitLabel ?? "Skicka")}
          </button>
          <button type="button" className={BUTTON_SECONDARY} onClick={onClose} disabled={send.isPending}>
            Stäng
          </button>
        </div>
        <p className="sr-only" role="status">
          {send.isPending ? (correctsId ? `Skickar rättelse av ${kindInSentence(kind)}` : `Skickar ${MESSAGE_KIND_LABELS[kind].toLowerCase()}`) : ""}
        </p>
      </form>
    </section>
  );
}
