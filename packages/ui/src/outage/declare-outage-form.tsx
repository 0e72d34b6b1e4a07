"use client";
import { useId, useMemo, useRef, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../trpc/react";
import { ErrorNotice } from "../kit/error-notice";
import { useCallFailure } from "../kit/use-call-failure";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, describedBy, Help, Radios, SelectField, TextArea, TextField } from "../kit/fields";
import { formatDateTime, fromLocalInput, newIdempotencyKey } from "../kit/format";
import { OUTAGE_SYSTEM_LABELS, OUTAGE_SYSTEMS, type OutageSystem } from "@vardkedjan/domain/outage/types";
import { systemLabel, type RegionUnits } from "./labels";

const MAX_SHOWN = 60;
/** Read in event handlers only. */
const nowMs = () => Date.now();

const UNIT_KIND: Record<string, string> = {
  sjukhus: "sjukhus",
  vardavdelning: "vårdavdelning",
  vardcentral: "vårdcentral",
  psykiatrisk_oppenvard: "psykiatrisk öppenvård",
  bistandsenhet: "biståndsenhet",
  hemsjukvard: "hemsjukvård",
  hemtjanstgrupp: "hemtjänstgrupp",
  forvaltning: "förvaltning",
};

const UNITS_HINT = "En vald enhet omfattar också enheterna under den (t.ex. ett sjukhus och dess avdelningar).";

/** A searchable multi-select of the region's units: a filter box, matching checkboxes, the chosen as removable chips. */
export function UnitMultiSelect({
  units,
  value,
  onChange,
  error,
}: {
  units: RegionUnits | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const orgName = useMemo(() => new Map((units?.organisations ?? []).map((o) => [o.id, o.name])), [units]);
  const all = units?.units ?? [];
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matching = all.filter((u) => {
    const hay = `${u.name} ${orgName.get(u.organisationId) ?? ""} ${UNIT_KIND[u.kind] ?? ""}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const shown = matching.slice(0, MAX_SHOWN);
  const byId = new Map(all.map((u) => [u.id, u]));
  const toggle = (unitId: string, on: boolean) => onChange(on ? [...value, unitId] : value.filter((x) => x !== unitId));

  return (
    <fieldset id="dst-units" tabIndex={-1} className="mb-4 rounded border border-line p-3" aria-describedby={describedBy(id, UNITS_HINT, error)}>
      <legend className="px-1 font-medium">Berörda enheter</legend>
      <Help id={id} hint={UNITS_HINT} error={error} />
      {value.length ? (
        <div className="mt-2">
          <p className="text-sm font-medium" id={`${id}-valda`}>
            Valda ({value.length}):
          </p>
          <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby={`${id}-valda`}>
            {value.map((u) => (
              <li key={u}>
                <button
                  type="button"
                  onClick={() => toggle(u, false)}
                  className="rounded-full border border-brand-600 bg-brand-50 px-3 py-1 text-sm"
                  aria-label={`Ta bort ${byId.get(u)?.name ?? "enheten"}`}
                >
                  {byId.get(u)?.name ?? u} <span aria-hidden="true">✕</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <label htmlFor={`${id}-sok`} className="mt-3 block font-medium">
        Sök enhet
      </label>
      <input
        id={`${id}-sok`}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={`${id}-antal`}
        autoComplete="off"
        className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2"
      />
      <p id={`${id}-antal`} className="mt-1 text-sm text-muted" aria-live="polite">
        {units
          ? matching.length > MAX_SHOWN
            ? `Visar ${MAX_SHOWN} av ${matching.length} enheter. Sök för att begränsa.`
            : `${matching.length} ${matching.length === 1 ? "enhet" : "enheter"}.`
          : "Hämtar enheter …"}
      </p>
      <ul className="mt-2 max-h-72 overflow-y-auto rounded border border-line bg-white p-2" aria-label="Enheter att välja">
        {shown.map((u) => (
          <li key={u.id} className="flex items-start gap-2 py-0.5">
            <input
              id={`${id}-${u.id}`}
              type="checkbox"
              checked={value.includes(u.id)}
              onChange={(e) => toggle(u.id, e.target.checked)}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <label htmlFor={`${id}-${u.id}`}>
              {u.name}
              <span className="text-sm text-muted">
                {" "}
                · {UNIT_KIND[u.kind] ?? u.kind} · {orgName.get(u.organisationId)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

interface Form {
  system: "" | OutageSystem;
  systemDetail: string;
  scope: "region" | "units";
  unitIds: string[];
  expectedEnd: string;
  message: string;
}

const EMPTY: Form = { system: "", systemDetail: "", scope: "region", unitIds: [], expectedEnd: "", message: "" };

/**
 * "Starta driftstörning": what is down, where, the expected end and a message; then a confirm
 * step saying what will happen. Every affected page switches at once when it is confirmed.
 */
export function DeclareOutageForm({ onClose, onDeclared }: { onClose: () => void; onDeclared: (outageId: string, text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useQuery(trpc.admin.units.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<"system" | "units" | "expectedEnd", string>>>({});
  const [confirming, setConfirming] = useState(false);
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  /** Made when the form opens: a double click or a retry after a network error starts one outage. */
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const declare = useMutation(trpc.outage.declare.mutationOptions());
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const regionName = units.data?.organisations.find((o) => o.id === units.data?.regionId)?.name ?? "regionen";
  const expectedEnd = form.expectedEnd ? fromLocalInput(form.expectedEnd) : null;

  const review = () => {
    const next: typeof errors = {};
    if (!form.system) next.system = "Välj vad som inte fungerar";
    if (form.scope === "units" && form.unitIds.length === 0) next.units = "Välj minst en enhet, eller hela regionen";
    if (form.expectedEnd && !expectedEnd) next.expectedEnd = "Ange datum och klockslag";
    else if (expectedEnd && expectedEnd.getTime() <= nowMs()) next.expectedEnd = "Beräknat slut måste ligga i framtiden";
    setErrors(next);
    const first = next.system ? "dst-system" : next.units ? "dst-units" : next.expectedEnd ? "dst-end" : null;
    if (first) {
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };

  const start = () => {
    if (declare.isPending || !form.system) return;
    setFailure(null);
    declare.mutate(
      {
        system: form.system,
        systemDetail: form.systemDetail.trim() || null,
        scope: form.scope,
        unitIds: form.scope === "units" ? form.unitIds : undefined,
        expectedEndAt: expectedEnd,
        message: form.message.trim() || null,
        idempotencyKey,
      },
      {
        onSuccess: (r) => {
          setIdempotencyKey(newIdempotencyKey());
          void queryClient.invalidateQueries(trpc.outage.pathFilter());
          onDeclared(
            r.outageId,
            `Driftstörningen är startad.${r.confirmationFrom ? ` Pågår den fortfarande ${formatDateTime(r.confirmationFrom)} ombeds kommunernas kontaktpersoner bekräfta kontaktlistan per e-post.` : ""}`,
          );
        },
        onError: fail,
      },
    );
  };

  const scopeText =
    form.scope === "region"
      ? `hela ${regionName}, med dess kommuner`
      : `${form.unitIds.length} ${form.unitIds.length === 1 ? "vald enhet" : "valda enheter"} (och enheterna under dem)`;

  return (
    <section aria-labelledby="starta-rubrik" className="mb-6 rounded border-2 border-brand-600 bg-white p-4" data-testid="declare-outage">
      <h2 id="starta-rubrik" className="mb-3 text-xl font-semibold">
        Starta driftstörning
      </h2>
      {!confirming ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            review();
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") onClose();
          }}
        >
          <SelectField
            id="dst-system"
            label="Vad fungerar inte?"
            value={form.system}
            onChange={(v) => set({ system: v as Form["system"] })}
            options={OUTAGE_SYSTEMS.map((s) => ({ value: s, label: OUTAGE_SYSTEM_LABELS[s] }))}
            placeholder="Välj system"
            error={errors.system}
          />
          <TextField
            id="dst-detail"
            label="Detaljer"
            optional
            hint="T.ex. vilken del eller integration, som visas i bannern."
            value={form.systemDetail}
            onChange={(v) => set({ systemDetail: v })}
          />
          <Radios
            id="dst-scope"
            legend="Vilka berörs?"
            value={form.scope}
            onChange={(v) => set({ scope: v as Form["scope"] })}
            options={[
              { value: "region", label: `Hela ${regionName} (alla enheter och kommuner)` },
              { value: "units", label: "Valda enheter" },
            ]}
          />
          {form.scope === "units" ? (
            <UnitMultiSelect units={units.data} value={form.unitIds} onChange={(ids) => set({ unitIds: ids })} error={errors.units} />
          ) : null}
          <TextField
            id="dst-end"
            label="Beräknat slut"
            type="datetime-local"
            optional
            value={form.expectedEnd}
            onChange={(v) => set({ expectedEnd: v })}
            error={errors.expectedEnd}
          />
          <TextArea
            id="dst-message"
            label="Meddelande till användarna"
            optional
            hint="Visas i bannern på varje sida."
            value={form.message}
            onChange={(v) => set({ message: v })}
          />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={BUTTON_PRIMARY}>
              Granska och starta
            </button>
            <button type="button" className={BUTTON_SECONDARY} onClick={onClose}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        <div data-testid="declare-confirm">
          <h3 ref={confirmRef} tabIndex={-1} className="mb-2 text-lg font-semibold">
            Bekräfta: starta driftstörning
          </h3>
          <dl className="mb-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted">System</dt>
            <dd className="font-medium">{form.system ? systemLabel(form.system, form.systemDetail.trim() || null) : null}</dd>
            <dt className="text-muted">Berörda</dt>
            <dd>{scopeText}</dd>
            <dt className="text-muted">Beräknat slut</dt>
            <dd>{expectedEnd ? formatDateTime(expectedEnd) : "Inte angivet"}</dd>
            <dt className="text-muted">Meddelande</dt>
            <dd className="whitespace-pre-line">{form.message.trim() || "Inget"}</dd>
          </dl>
          <p className="mb-3 rounded border border-warn bg-warn-bg p-3 text-ink">
            Alla öppna sidor för de berörda växlar till driftstörningsläge direkt och visar bannern.
            {form.scope === "region" ? " Kommunernas utsedda företrädare får e-post med en begäran om att bekräfta sina uppgifter i kontaktlistan." : ""}
          </p>
          {failure ? (
            <div className="mb-3">
              <ErrorNotice ref={failureRef} error={failure} where="form" />
            </div>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className="rounded bg-danger px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60"
              onClick={start}
              disabled={declare.isPending}
            >
              {declare.isPending ? "Startar …" : "Starta driftstörning"}
            </button>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setConfirming(false)} disabled={declare.isPending}>
              Ändra uppgifterna
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
