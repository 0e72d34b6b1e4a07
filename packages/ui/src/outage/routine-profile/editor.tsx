"use client";
import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { parseRoutineProfile } from "@vardkedjan/domain/outage/profile-schema";
import type { RouterOutputs } from "@vardkedjan/api";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError, type CallError, type FieldError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { ErrorSummary } from "../../kit/error-summary";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "../../kit/fields";
import { P, fid, placeError, toDraft, toProfile, type Draft, type SectionProps } from "./draft";
import { Preview } from "./preview";
import { SourceSection } from "./source-section";
import { RulesSection } from "./rules-section";
import { FollowUpCallsSection } from "./follow-up-calls-section";
import { ChecklistSection } from "./checklist-section";
import { VariantsSection } from "./variants-section";
import { TextSectionsSection } from "./text-sections-section";

/** The API's view of the routine (services/outage/profile.ts `RoutineProfileView`). */
export type View = RouterOutputs["outage"]["routineProfile"];

/**
 * The form, opened on `view` as it was when the editor mounted (a reload mounts it again). `view`
 * keeps following the query, so that a version saved by someone else meanwhile is pointed out.
 */
export function Editor({ view, fetching, onReload, onStatus }: { view: View; fetching: boolean; onReload: () => void; onStatus: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const region = { hsaId: view.profile.regionHsaId, name: view.regionName };
  const [draft, setDraft] = useState<Draft>(() => toDraft(view.profile));
  /** The version this editor opened (and then saved): sent as expectedVersion. */
  const [baseVersion, setBaseVersion] = useState(view.version);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [askReset, setAskReset] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const save = useMutation(trpc.outage.saveRoutineProfile.mutationOptions());
  const reset = useMutation(trpc.outage.resetRoutineProfile.mutationOptions());
  const busy = save.isPending || reset.isPending;

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const error = (path: string) => {
    const found = errors.filter((e) => e.path === path).map((e) => e.message);
    return found.length ? found.join(" ") : undefined;
  };
  const section: SectionProps = {
    draft,
    set,
    setRow: (list, i, patch) => setDraft((d) => ({ ...d, [list]: d[list].map((r, j) => (j === i ? { ...r, ...patch } : r)) })),
    addRow: (list, row, focusField) => {
      set({ [list]: [...draft[list], row] });
      focusSoon(fid(`${list}.${draft[list].length}.${focusField}`));
    },
    removeRow: (list, i) => {
      setDraft((d) => ({ ...d, [list]: d[list].filter((_, j) => j !== i) }));
      focusSoon(fid(list));
    },
    focusSoon,
    error,
  };

  const fail = (e: CallError) => {
    onStatus("");
    setFailure(e);
    const fields = e.fieldErrors.map(placeError);
    setErrors(fields);
    requestAnimationFrame(() => (fields.length ? summaryRef : failureRef).current?.focus());
  };

  const submit = () => {
    if (busy) return;
    setFailure(null);
    const profile = toProfile(draft, region);
    const parsed = parseRoutineProfile(profile);
    if (!parsed.ok) {
      onStatus("");
      setErrors(parsed.errors.map(placeError));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    save.mutate(
      { profile, expectedVersion: baseVersion },
      {
        onSuccess: (r) => {
          setBaseVersion(r.version);
          keepKeys(profile);
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          onStatus(`Rutinen är sparad (version ${r.version}). Den gäller från och med nu för alla regler, bannern och reservpärmen.`);
        },
        onError: (e) => fail(callError(e)),
      },
    );
  };

  const doReset = () => {
    if (busy) return;
    setFailure(null);
    setErrors([]);
    reset.mutate(
      { expectedVersion: baseVersion },
      {
        onSuccess: (r) => {
          setAskReset(false);
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          onStatus(`Rutinen är återställd till ${view.original.name} (version ${r.version}).`);
          onReload();
        },
        onError: (e) => {
          setAskReset(false);
          fail(callError(e));
        },
      },
    );
  };

  /** A new point or kind of outage keeps the key it was saved with (ticked points are stored by it), even if renamed. */
  const keepKeys = (sent: Record<string, unknown>) => {
    const checks = sent.manualChecklist as { key: string }[];
    const variants = sent.variants as { key: string }[];
    const checkKey = new Map(draft.manualChecklist.map((c, i) => [c.rowId, checks[i]?.key ?? ""]));
    const variantKey = new Map(draft.variants.map((v, i) => [v.rowId, variants[i]?.key ?? ""]));
    setDraft((d) => ({
      ...d,
      manualChecklist: d.manualChecklist.map((c) => (c.key ? c : { ...c, key: checkKey.get(c.rowId) ?? "" })),
      variants: d.variants.map((v) => (v.key ? v : { ...v, key: variantKey.get(v.rowId) ?? "" })),
    }));
  };

  const conflict = failure?.appCode === "CONFLICT";
  const newer = view.version > baseVersion && !fetching && !busy;

  return (
    <form
      noValidate
      aria-labelledby="rutin-rubrik"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {errors.length ? <ErrorSummary ref={summaryRef} errors={errors} prefix={P} /> : null}
      {failure && !errors.length ? (
        <div className="mb-4">
          <ErrorNotice ref={failureRef} error={failure} where="form" />
          {conflict ? (
            <div className="mt-2 rounded border border-line bg-white p-3">
              <p className="mb-2">Om du laddar om visas den sparade rutinen och dina ändringar här försvinner. Skriv gärna av dem först.</p>
              <button type="button" className={BUTTON_PRIMARY} onClick={onReload}>
                Ladda om rutinen
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {newer ? (
        <div className="mb-4 rounded border border-warn bg-warn-bg p-3 text-ink" role="alert" data-testid="routine-newer">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>
            {view.updatedByName ?? "Någon annan"} har sparat en ny version av rutinen (version {view.version}) sedan du öppnade den.
          </p>
          <p className="mt-1">Om du sparar nu avvisas ändringen. Ladda om för att se den sparade rutinen; dina ändringar här försvinner då.</p>
          <button type="button" className={`${BUTTON_SECONDARY} mt-2`} onClick={onReload}>
            Ladda om rutinen
          </button>
        </div>
      ) : null}

      <SourceSection {...section} />
      <RulesSection {...section} />
      <FollowUpCallsSection {...section} />
      <ChecklistSection {...section} />
      <VariantsSection {...section} />
      <TextSectionsSection {...section} />

      <details className="mb-6 mt-2">
        <summary className="cursor-pointer rounded px-1 py-2 text-lg font-semibold text-brand-700">Förhandsvisning: så läses rutinen</summary>
        <Preview draft={draft} region={region} />
      </details>

      <div className="mb-6 flex flex-wrap gap-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={busy}>
          {save.isPending ? "Sparar …" : "Spara rutinen"}
        </button>
        <button type="button" className={BUTTON_SECONDARY} disabled={busy} onClick={() => setAskReset(true)}>
          Återställ till ursprunglig rutin
        </button>
      </div>
      {askReset ? (
        <div className="mb-6 rounded border border-warn bg-warn-bg p-3 text-ink" role="group" aria-labelledby={`${P}-aterstall`}>
          <p id={`${P}-aterstall`} className="mb-2">
            Återställ till {view.original.seeded ? "den inlästa rutinen" : "Vårdkedjans standardrutin"} ”{view.original.name}” ({view.original.sourceTitle})?
            Den sparade rutinen och ändringarna här ersätts; återställningen sparas som en ny version.
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="button" className={BUTTON_PRIMARY} onClick={doReset} disabled={busy} autoFocus>
              {reset.isPending ? "Återställer …" : "Ja, återställ"}
            </button>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setAskReset(false)} disabled={busy}>
              Avbryt
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
