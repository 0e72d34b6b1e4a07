"use client";
import { useRef, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError, type CallError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, SelectField, TextField } from "../kit/fields";
import { formatDateTime } from "../kit/format";
import { OUTAGE_SYSTEM_LABELS, OUTAGE_SYSTEMS, type OutageSystem } from "@vardkedjan/domain/outage/types";
import { systemLabel } from "./labels";

interface Draft {
  id: string | null;
  name: string;
  system: "" | OutageSystem;
  healthUrl: string;
}
const EMPTY: Draft = { id: null, name: "", system: "", healthUrl: "" };

/**
 * "Integrationer": the systems whose health is checked every 30 seconds; one failing for a minute
 * proposes an outage. Add or change one, or check them all now.
 */
export function IntegrationsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.outage.integrations.queryOptions(undefined, { refetchInterval: 30_000 }));
  const save = useMutation(trpc.outage.saveIntegration.mutationOptions());
  const check = useMutation(trpc.outage.checkIntegrations.mutationOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [failure, setFailure] = useState<CallError | null>(null);
  const [status, setStatus] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);

  const refresh = () => void queryClient.invalidateQueries(trpc.outage.pathFilter());

  const submit = () => {
    if (!draft || save.isPending) return;
    const next: typeof errors = {};
    if (!draft.name.trim()) next.name = "Ange ett namn";
    if (!draft.system) next.system = "Välj vilket slags system";
    if (!/^https?:\/\/\S+$/.test(draft.healthUrl.trim())) next.healthUrl = "Ange en http- eller https-adress, t.ex. https://cosmic.example.se/health";
    setErrors(next);
    setFailure(null);
    const first = (["name", "system", "healthUrl"] as const).find((k) => next[k]);
    if (first) {
      requestAnimationFrame(() => document.getElementById(`int-${first}`)?.focus());
      return;
    }
    save.mutate(
      { id: draft.id, name: draft.name.trim(), system: draft.system as OutageSystem, healthUrl: draft.healthUrl.trim() },
      {
        onSuccess: () => {
          setStatus(draft.id ? `Integrationen ${draft.name.trim()} är ändrad.` : `Integrationen ${draft.name.trim()} är tillagd.`);
          setDraft(null);
          refresh();
        },
        onError: (e) => setFailure(callError(e)),
      },
    );
  };

  const runCheck = () => {
    if (check.isPending) return;
    check.mutate(undefined, {
      onSuccess: (r) => {
        setStatus(
          `${r.checked} ${r.checked === 1 ? "integration kontrollerad" : "integrationer kontrollerade"}${r.proposed ? `, ${r.proposed} ${r.proposed === 1 ? "driftstörning föreslagen" : "driftstörningar föreslagna"}` : ""}.`,
        );
        refresh();
      },
      onError: (e) => setFailure(callError(e)),
    });
  };

  return (
    <section aria-labelledby="integrationer-rubrik" className="mb-8">
      <h2 id="integrationer-rubrik" ref={headingRef} tabIndex={-1} className="mb-2 text-xl font-semibold">
        Integrationer
      </h2>
      <p className="mb-2 text-muted">
        Hälsokontroll var 30:e sekund. En integration som inte svarar på en minut ger ett förslag på driftstörning, som du bekräftar eller avvisar.
      </p>
      <p role="status" aria-live="polite" className={status ? "mb-2 font-medium text-ok" : "sr-only"} data-testid="integrations-status">
        {status}
      </p>
      {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}
      {failure && !draft ? <ErrorNotice error={failure} where="page" /> : null}
      {list.data && list.data.length === 0 ? <p className="mb-2">Inga integrationer är inlagda.</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="mb-3 overflow-x-auto">
          <table className="w-full border border-line bg-white text-left text-sm">
            <thead>
              <tr className="border-b border-line bg-brand-50">
                <th scope="col" className="px-3 py-2">
                  Namn
                </th>
                <th scope="col" className="px-3 py-2">
                  System
                </th>
                <th scope="col" className="px-3 py-2">
                  Hälsoadress
                </th>
                <th scope="col" className="px-3 py-2">
                  Senaste kontroll
                </th>
                <th scope="col" className="px-3 py-2">
                  Läge
                </th>
                <th scope="col" className="px-3 py-2">
                  Ändra
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((i) => (
                <tr key={i.id} className="border-b border-line last:border-b-0">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {i.name}
                  </th>
                  <td className="px-3 py-2">{systemLabel(i.system)}</td>
                  <td className="px-3 py-2 break-all">{i.healthUrl}</td>
                  <td className="px-3 py-2">{formatDateTime(i.lastCheckedAt)}</td>
                  <td className="px-3 py-2">
                    {i.lastOk === null ? (
                      <span className="text-muted">Inte kontrollerad</span>
                    ) : i.lastOk ? (
                      <span className="font-medium text-ok">✓ Fungerar</span>
                    ) : (
                      <span className="font-medium text-danger">
                        ⚠ Fel sedan {formatDateTime(i.failingSince)}
                        {i.lastError ? `: ${i.lastError}` : ""}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      className="underline"
                      onClick={() => setDraft({ id: i.id, name: i.name, system: i.system, healthUrl: i.healthUrl })}
                      aria-label={`Ändra ${i.name}`}
                    >
                      Ändra
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="button" className={BUTTON_SECONDARY} onClick={runCheck} disabled={check.isPending}>
          {check.isPending ? "Kontrollerar …" : "Kontrollera nu"}
        </button>
        {!draft ? (
          <button type="button" className={BUTTON_SECONDARY} onClick={() => setDraft(EMPTY)}>
            Lägg till integration
          </button>
        ) : null}
      </div>
      {draft ? (
        <form
          noValidate
          className="mt-4 max-w-xl rounded border border-brand-600 bg-white p-4"
          aria-label={draft.id ? "Ändra integration" : "Lägg till integration"}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TextField id="int-name" label="Namn" value={draft.name} onChange={(v) => setDraft({ ...draft, name: v })} error={errors.name} />
          <SelectField
            id="int-system"
            label="System"
            value={draft.system}
            onChange={(v) => setDraft({ ...draft, system: v as Draft["system"] })}
            options={OUTAGE_SYSTEMS.map((s) => ({ value: s, label: OUTAGE_SYSTEM_LABELS[s] }))}
            placeholder="Välj system"
            error={errors.system}
          />
          <TextField
            id="int-healthUrl"
            label="Adress för hälsokontroll"
            type="url"
            value={draft.healthUrl}
            onChange={(v) => setDraft({ ...draft, healthUrl: v })}
            error={errors.healthUrl}
          />
          {failure ? (
            <div className="mb-3">
              <ErrorNotice error={failure} where="form" />
            </div>
          ) : null}
          <div className="flex gap-3">
            <button type="submit" className={BUTTON_PRIMARY} disabled={save.isPending}>
              Spara
            </button>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setDraft(null)}>
              Avbryt
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
